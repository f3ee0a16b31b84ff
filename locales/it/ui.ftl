### L'interfaccia di campo (italiano).

## Date: giorno/mese/anno, come si scrivono in Italia.
datetime = { $day }/{ $month }/{ $year } { $hour }:{ $minute }

## Schermata iniziale ed elenchi

home-count = { $count ->
    [one] { $count } questionario
   *[other] { $count } questionari
}
home-empty = Ancora nessun questionario. Prema n per iniziarne uno.
edit-no-drafts = Nessuna bozza da riprendere. Per iniziare un questionario: campo new
edit-choose = Per riprenderne una: campo edit CODICE (bastano i primi caratteri del codice).
left-saved = { $gender ->
    [feminine] { $noun } { $id } salvata ({ $status }, risposte: { $answered } su { $asked }).
        Per riprenderla: campo edit { $id }
   *[masculine] { $noun } { $id } salvato ({ $status }, risposte: { $answered } su { $asked }).
        Per riprenderlo: campo edit { $id }
}
noun-default = Questionario
list-empty = Ancora nessun questionario. Per iniziarne uno: campo new
home-status = Stato
home-progress = Risposte
home-changed = Ultima modifica
home-unnamed = (ancora senza nome)
home-id = Questionario { $id }
home-confirm-delete = Eliminare il questionario { $id }? Andrà nel cestino (s sì, n no)
list-id = Codice
status-draft = Bozza
status-complete = Completato
status-damaged = Danneggiato
status-unknown-form = Modulo sconosciuto

## Compilazione

question-counter = Domanda { $number } di { $count }
question-optional = facoltativa
question-counter-so-far = Domanda { $number } di { $count } (per ora)
section-progress = Risposte: { $answered } su { $asked }
section-undecided = dipende dalle risposte
section-skipped = non pertinente
hint-multi = Indichi tutte le risposte pertinenti.
filter = Filtro:
options-above = altre opzioni sopra
options-below = altre opzioni sotto
filter-no-match = Nessuna opzione corrisponde al filtro. Backspace cancella un carattere, Esc azzera il filtro.
word-count = { $count ->
    [one] { $count } parola
   *[other] { $count } parole
}
word-count-max = { $count }/{ $max } parole
number-note = Un numero; i decimali dopo la virgola.
number-note-whole = Un numero intero.
date-note = gg/mm/aaaa
reason-title = Perché la risposta è corretta (Invio conferma)
text-count = { $count ->
    [one] { $count } carattere
   *[other] { $count } caratteri
}
text-count-max = { $count ->
    [one] { $count } carattere
   *[other] { $count } caratteri
} su { $max }

## Riepilogo

review-title = Riepilogo · { $status } · risposte: { $answered } su { $asked }
review-missing = Risposta obbligatoria mancante
review-unanswered = Nessuna risposta
review-reason = Motivo indicato: { $reason }
show-header = Questionario { $id } · { $status } · risposte: { $answered } su { $asked } · ultima modifica { $updated }

## Avvisi

notice-save-failed = Salvataggio non riuscito: { $reason } Le risposte restano qui; campo riprova alla prossima modifica.
notice-unsaved-quit = Le ultime risposte non sono salvate: { $reason } Liberi spazio e modifichi una risposta per riprovare, oppure prema di nuovo Ctrl-C per uscire: campo le scriverà in un file nella cartella { $dir } e le dirà quale.
notice-unsaved-leave = Le ultime risposte non sono salvate: { $reason } Liberi spazio e modifichi una risposta per riprovare, oppure prema di nuovo Esc per uscire: campo le scriverà in un file nella cartella { $dir } e le dirà quale.
notice-rescued = Le risposte non salvate sono state scritte in { $path }.
notice-field-full = Questa risposta ammette al massimo { $max } caratteri: il resto non è stato inserito.
notice-paste-cut = { $count ->
    [one] Un carattere incollato è stato escluso
   *[other] { $count } caratteri incollati sono stati esclusi
}: oltre il limite della risposta, o caratteri di controllo.
notice-nowhere-to-paste = Non è stato incollato nulla: si può incollare nelle risposte di testo e nella ricerca di un elenco.
notice-locked = Questa risposta viene dall'elenco dei dipartimenti e qui non si modifica: se è sbagliata, lo segnali al gruppo di ricerca.
entry-from-list = Dall'elenco dei dipartimenti: qui non si modifica. Invio per proseguire.
notice-not-utf8 = Il terminale ha inviato un carattere non UTF-8: non è stato inserito. Imposti il terminale su UTF-8 (in PuTTY: Window, Translation), oppure avvii campo con LANG impostata sulla codifica del terminale.
notice-digit-pending = { $digit }_  con un'altra cifra digitata subito si sceglie da { $first } a { $last }; altrimenti resta la { $digit }.
notice-reopened = Il questionario è tornato in bozza: lo segni come completato nel riepilogo quando è pronto.
notice-marked-complete = { $gender ->
    [feminine] { $noun } completata. Grazie!
   *[masculine] { $noun } completato. Grazie!
}
notice-missing = { $count ->
    [one] Una risposta manca o non è valida: è segnata con !
   *[other] { $count } risposte mancano o non sono valide: sono segnate con !
}
notice-unknown-form = Questo questionario appartiene al modulo "{ $form }", versione { $version }, che questa installazione di campo non conosce.
notice-other-bundled-form = Questo questionario è del modulo "{ $form }", versione { $version }, incluso in campo: lo apra con campo --form { $form }.
notice-deleted = Questionario spostato nel cestino.

## Controlli sulle risposte

problem-required-choice = Serve una risposta: scelga con la barra spaziatrice o con il numero dell'opzione, oppure ci arrivi con ↑ ↓ e prema Invio.
problem-required = La risposta è obbligatoria.
problem-too-short = { $min ->
    [one] Scriva almeno { $min } carattere.
   *[other] Scriva almeno { $min } caratteri.
}
problem-too-long = { $max ->
    [one] Scriva al massimo { $max } carattere.
   *[other] Scriva al massimo { $max } caratteri.
}
problem-not-an-option = "{ $code }" non è tra le opzioni previste.
problem-control-characters = La risposta contiene caratteri di controllo (come i codici di escape del terminale): sono ammessi solo caratteri stampabili e, nei testi lunghi, gli a capo.
problem-wrong-type = La risposta non è del tipo previsto per questa domanda.
problem-too-few-words = { $min ->
    [one] Scriva almeno { $min } parola.
   *[other] Scriva almeno { $min } parole.
}
problem-too-many-words = { $max ->
    [one] Scriva al massimo { $max } parola.
   *[other] Scriva al massimo { $max } parole.
}
problem-not-a-number = Scriva un numero, con la virgola per i decimali (per esempio 3,5) e senza il punto delle migliaia.
problem-not-whole = Scriva un numero intero, senza decimali.
problem-too-small = Il valore minimo ammesso è { $min }.
problem-too-large = Il valore massimo ammesso è { $max }.
problem-not-a-date = Scriva la data come gg/mm/aaaa (per esempio 31/03/2025).
problem-too-early = La data non può essere anteriore al { $min }.
problem-too-late = La data non può essere successiva al { $max }.
problem-in-the-future = La data non può essere nel futuro.
problem-not-an-email = Scriva un indirizzo e-mail, come nome@esempio.it.
problem-not-a-phone = Scriva un numero di telefono: cifre (anche separate da spazi), con il + e il prefisso internazionale se serve (da 6 a 15 cifre).
problem-not-alone = «{ $option }» non si può scegliere insieme ad altre risposte.
problem-repeated = L'opzione «{ $option }» è scelta due volte.
problem-unconfirmed = { $message } Se è corretto, ne indichi brevemente il motivo.
problem-specify = Specifichi «Altro»: { $problem }
problem-specify-required = Specifichi «Altro»: è obbligatorio.
document-unknown-item = "{ $item }" non è una domanda di questo modulo.
document-bad-reason = il motivo registrato per "{ $item }" non è valido: la domanda non ha controlli da confermare, oppure il motivo supera i 300 caratteri o contiene caratteri di controllo.
document-not-asked = "{ $item }" ha una risposta ma, con queste risposte, la domanda non è prevista.
document-invalid = "{ $item }": { $problem }

## Tasti

key-enter = Invio
key-space = Spazio
key-del = Canc
key-shift-tab = Maiusc-Tab
key-pgdn = PagGiù
key-pgup = PagSu
key-home = Inizio
key-end = Fine
key-read = l
key-wait = a
key-yes = s
key-no = n
does-switch-language = English
does-help = tasti
does-save-quit = salva ed esci
does-next-question = domanda successiva
does-previous-question = domanda precedente
does-next-section = sezione successiva
does-previous-section = sezione precedente
does-review = riepilogo
does-back-home = torna all'elenco (tutto è salvato)
does-back = indietro
does-move = sposta
does-new = nuovo
does-open = apri
does-delete = elimina
does-quit = esci
does-confirm-delete = elimina
does-keep = non eliminare
does-choose = scegli
does-pick = scegli l'opzione con quel numero
does-confirm = conferma
does-clear = cancella la risposta
does-leave-text = torna alle opzioni
does-change-answer = modifica
does-mark-complete = segna come completato
does-close-help = chiudi
help-title = Tasti
help-saved = Ogni risposta viene salvata subito. Tab e PagGiù permettono di proseguire senza rispondere; tutte le risposte obbligatorie servono solo per segnare il questionario come completato.
help-digits = dalla 10 in poi, due cifre in fretta (1 e subito 3)

## Dimensioni della finestra

too-small = La finestra è troppo piccola: campo richiede almeno { $width }×{ $height } caratteri, ora sono { $current_width }×{ $current_height }. La ingrandisca.

## File ed errori

io-not-found = il file o la cartella non esiste.
io-permission-denied = permesso negato.
io-not-text = non è un file di testo (UTF-8).
io-no-space = il disco è pieno.
io-read-only = il disco è in sola lettura.
io-not-a-file = non è un file normale (è una cartella, una pipe o un dispositivo): saltato.
io-link = è un collegamento simbolico: qui campo non segue i collegamenti, quindi lo salta.
io-too-large = supera i { $megabytes } MB, il massimo che campo legge: saltato.
io-other = errore di sistema: { $detail }
damage-empty = il file è vuoto.
damage-truncated = il file si interrompe a metà dei dati (potrebbe essere stato troncato).
damage-not-json = non è JSON valido (riga { $line }, colonna { $column }).
damage-missing-key = manca la chiave "{ $key }".
damage-wrong-shape = è JSON, ma non un questionario di campo (riga { $line }, colonna { $column }).
damage-newer-format = scritto da una versione più recente di campo (formato { $format }): aggiorni campo per aprirlo.
damage-misnamed = il questionario contenuto ha codice { $id }, che non corrisponde al nome del file.
store-damaged = File danneggiato { $path }: { $reason } Resta com'è.
store-io = Impossibile usare { $path }: { $reason }
store-stale = Non scritto: { $path } contiene già una versione successiva (revisione { $on_disk }, questa è la { $ours }), salvata da un'altra sessione. Resta com'è.
store-locked = Questo questionario è aperto da qualcun altro ({ $holder }): riprovi quando l'avrà chiuso.
store-no-such-response = Nessun questionario ha il codice "{ $id }".
store-ambiguous = { $count ->
    [one] Un questionario ha
   *[other] { $count } questionari hanno
} un codice che inizia con "{ $prefix }": indichi più caratteri.
no-data-dir = Impossibile trovare una cartella dati per questo utente: la indichi con --data-dir o CAMPO_DATA_DIR.
no-terminal = L'interfaccia di campo richiede un terminale, ma l'ingresso o l'uscita standard non sono un terminale. Per leggere i questionari senza interfaccia usi campo list o campo show.
after-panic = campo si è fermato per un errore interno. Tutte le risposte date erano già salvate, in { $dir }: riavvii campo per continuare.
terminal-failed = Il terminale ha smesso di funzionare: { $reason }
form-refused = Il modulo non può essere usato: { $reason }
form-error-syntax = la definizione non è valida (riga { $line }, colonna { $column }): { $detail }
form-error-unreadable = impossibile leggere { $path }: { $reason }
form-error-messages = i messaggi in { $file } contengono errori: { $detail }
form-error-no-sections = la definizione non ha sezioni.
form-error-empty-section = la sezione "{ $section }" non ha domande.
form-error-duplicate-section = la sezione "{ $section }" è definita due volte.
form-error-duplicate-item = la domanda "{ $item }" è definita due volte.
form-error-duplicate-option = la domanda "{ $item }" ha due volte l'opzione "{ $code }".
form-error-no-options = la domanda a scelta "{ $item }" non ha opzioni.
form-error-options-on-text = la domanda aperta "{ $item }" ha delle opzioni.
form-error-ordinal-not-single = la domanda "{ $item }" è indicata come ordinale, cosa possibile solo per una scelta singola.
form-error-text-rules-on-choice = la domanda a scelta "{ $item }" ha regole da testo (più righe o lunghezze).
form-error-length-range = la domanda "{ $item }" ha una lunghezza minima maggiore della massima.
form-error-key-not-for-type = la domanda "{ $item }" ha la chiave "{ $key }", che il suo tipo non prevede.
form-error-bad-bound = la domanda "{ $item }" ha un "{ $key }" del tipo sbagliato: un numero per integer e decimal (intero per integer), una data scritta aaaa-mm-gg per date.
form-error-exclusive-not-multi = l'opzione "{ $code }" della domanda "{ $item }" è indicata come esclusiva, cosa possibile solo nelle domande a scelta multipla.
form-error-condition-not-number = una condizione della domanda "{ $item }" confronta "{ $refers }" con un numero, ma non è una domanda di tipo integer o decimal.
form-error-condition-unknown-item = la condizione della domanda "{ $item }" si riferisce a "{ $refers }", che non è una domanda precedente.
form-error-condition-later-item = la condizione della domanda "{ $item }" si riferisce alla domanda stessa.
form-error-condition-unknown-option = la condizione della domanda "{ $item }" si riferisce all'opzione "{ $code }", che la domanda "{ $refers }" non ha.
form-error-specify-unknown-item = la domanda "{ $item }" specifica "{ $refers }", che non è una domanda precedente.
form-error-specify-unknown-option = la domanda "{ $item }" specifica l'opzione "{ $code }", che la domanda "{ $refers }" non ha.
form-error-specify-not-text = la domanda "{ $item }" specifica l'opzione di un'altra domanda, quindi deve essere una domanda aperta.
form-error-derived-unknown-item = il valore derivato "{ $derived }" si basa su "{ $refers }", che non è una domanda.
form-error-derived-unknown-option = il valore derivato "{ $derived }" usa l'opzione "{ $code }", che la sua domanda non ha.
form-error-summary-unknown-item = il riepilogo nomina "{ $item }", che non è una domanda.
form-error-missing-message = manca il messaggio "{ $id }" nella lingua "{ $lang }".

## Sincronizzazione (campo sync)

sync-no-server = Nessun server a cui inviare: indichi --server URL, oppure lo salvi con campo sync --setup.
sync-no-token = Nessun token per l'invio: indichi --token, oppure lo salvi con campo sync --setup.
sync-planned = { $total ->
    [one] Un questionario da inviare.
   *[other] { $total } questionari da inviare.
}
sync-progress = Inviati { $done } di { $total } ({ $kb } KB)
sync-retrying = Il tentativo { $attempt } non è andato a buon fine ({ $problem }); nuovo tentativo…
sync-summary = Inviati: { $sent } · già presenti: { $already } · rifiutati: { $refused } · non inviati: { $failed } · { $answered ->
    [yes] { $kb } KB in { $requests ->
        [one] { $requests } richiesta
       *[other] { $requests } richieste
    }
   *[no] { $requests ->
        [one] un tentativo, senza risposta dal server
       *[other] { $requests } tentativi, senza risposta dal server
    }
}
sync-refused-line =   { $id }: rifiutato: { $reason }
sync-stopped = Invio interrotto: { $reason }
sync-gave-up = Invio interrotto: il server non è raggiungibile ({ $reason }). Ciò che non è stato inviato resta da inviare: riprovi più tardi con campo sync.
sync-not-all-delivered = Non tutto è stato consegnato.
sync-exported = { $count ->
    [one] Un questionario scritto in { $dir }.
   *[other] { $count } questionari scritti in { $dir }.
}
sync-network-refused = connessione rifiutata: a quell'indirizzo il server non è in funzione
sync-network-timed-out = il server non ha risposto in tempo
sync-network-dropped = la connessione si è interrotta
sync-network = rete: { $detail }
sync-server-error = il server ha risposto { $status }
sync-unauthorized = il server non ha accettato il token (è sbagliato o è stato revocato). Ne chieda uno nuovo al gruppo di ricerca.
sync-forbidden = il server rifiuta i questionari da questo client.
sync-tls = la connessione sicura non è riuscita: { $detail }
sync-bad-url = "{ $url }" non è un indirizzo di server utilizzabile.
sync-unknown-host = nessun computer ha quel nome: controlli che l'indirizzo del server sia scritto bene (campo sync --setup).
sync-redirected = il server ha risposto { $status } e rimanda a "{ $to }": campo non segue i rinvii, perché le risposte vadano solo dove è stato configurato. Se quello è il nuovo indirizzo del server, esegua campo sync --setup con quell'indirizzo.
sync-wrong-confirmation = il server ha confermato la revisione { $confirmed } mentre era stata inviata la { $sent }: nulla viene considerato inviato. Lo segnali al gruppo di ricerca.
sync-closed = l'indagine si è chiusa il { $date }: non si può inviare altro. Se è un errore, lo segnali al gruppo di ricerca.
sync-not-campo = l'indirizzo ha risposto { $status }, ma non è un server campo.
sync-ask-server = Indirizzo del server [{ $current }]:
sync-ask-token = Token:
sync-setup-no-answer = Nessuna risposta: non è stato salvato nulla.
sync-setup-no-scheme = "{ $server }" non è un indirizzo di server: deve iniziare con https:// (o http:// in una rete locale). Non è stato salvato nulla.
sync-setup-checked = Il server riconosce questo token come "{ $name }".
sync-setup-unchecked = Non è stato possibile raggiungere il server per controllare il token ({ $problem }); è stato salvato comunque: lo dirà la prima sincronizzazione.
sync-setup-refused = Non è stato salvato nulla: { $reason }
sync-setup-refused-plain = Non è stato salvato nulla: il server non ha accettato il token.
sync-config-readable = Attenzione: { $path } contiene il token di sincronizzazione e altri utenti possono leggerlo. Lo renda privato con: chmod 600 { $path }
sync-setup-saved = Salvato in { $path }.
config-unreadable = Impossibile leggere il file delle impostazioni { $path }: { $reason }
config-invalid = Il file delle impostazioni { $path } non è valido: { $detail }

## Ciò che il server ha rifiutato

refusal-bad-id = il codice non è un UUID valido.
refusal-not-json = il documento non è JSON valido.
refusal-not-a-response = il documento non è un questionario di campo ({ $detail }).
refusal-id-mismatch = il codice nell'indirizzo e quello nel documento non coincidono.
refusal-invalid = le risposte non corrispondono al modulo: { $problems }
refusal-stale = il server ha già una versione più recente (revisione { $current }) inviata da un'altra postazione.
refusal-conflict = il server ha una versione diversa con lo stesso numero di revisione ({ $revision }).
refusal-too-large = il documento supera la dimensione accettata dal server ({ $kb } KB).
refusal-not-found = il server non ha questo questionario per questa postazione (potrebbe appartenere al token di un'altra postazione).
refusal-over-quota = questa postazione ha usato tutto lo spazio che il server le concede ({ $megabytes } MB): si rivolga al gruppo di ricerca.
refusal-too-slow = il documento ha impiegato troppo tempo ad arrivare.
refusal-rate-limited = troppe richieste: riprovi tra poco.
refusal-unit-answered = il dipartimento ha già inviato un altro questionario ({ $first }): uno per dipartimento. Se questo deve prenderne il posto, chieda al gruppo di ricerca di ritirare l'altro (campo serve withdraw).
refusal-withdrawn = il gruppo di ricerca ha ritirato questo questionario: non viene più conteggiato e le modifiche non vengono accolte. Se deve tornare a contare, contatti il gruppo di ricerca.
refusal-unit-is-fixed = sul server questo questionario è di un altro dipartimento: il dipartimento di un questionario non cambia. Se è sbagliato, contatti il gruppo di ricerca.
refusal-no-unit = il questionario non indica alcun dipartimento: il chiosco invia solo questionari di dipartimenti.
refusal-not-from-the-list = la risposta "{ $item }" dovrebbe venire dall'elenco dei dipartimenti ma è diversa: qui non si modifica. Se l'elenco è sbagliato, lo segnali al gruppo di ricerca.
refusal-wrong-unit = questa postazione non è registrata per l'unità "{ $unit }" indicata nel questionario.
refusal-wrong-code = nessun dipartimento ha questo codice di accesso: lo confronti con quello dell'invito.
refusal-too-many-guesses = troppi codici di accesso sbagliati da questo indirizzo: riprovi tra un'ora.

## Il server di raccolta (campo serve)

serve-listening = campo serve: in ascolto su http://{ $address } (database { $db }: { $backend }, versione dello schema { $schema })
serve-failed = Il server si è fermato: { $reason }
serve-db-unsupported = i database «{ $scheme }» non sono supportati: indichi il percorso di un file SQLite o un indirizzo postgres://.
serve-db-open-failed = Impossibile aprire il database { $db }: { $reason }
serve-db-failed = Errore del database: { $reason }
serve-dumped = { $count ->
    [one] Un questionario scritto in { $dir }.
   *[other] { $count } questionari scritti in { $dir }.
}
token-added = Token per "{ $name }" (viene mostrato solo ora: lo conservi con cura):
token-exists = Esiste già un token chiamato "{ $name }": lo revochi prima, oppure scelga un altro nome.
token-line = { $name }  creato il { $created }
token-line-revoked = { $name }  creato il { $created }, revocato il { $revoked }
token-revoked = Token "{ $name }" revocato.
token-unknown = Non esiste un token valido chiamato "{ $name }".
import-refused-line = { $path }: rifiutato: { $reason }
import-summary = Importati: { $stored } · già presenti: { $already } · rifiutati: { $refused }
import-stopped = L'importazione si è fermata a { $path }: il database non ha risposto come dovuto ({ $reason }). Quel file e i successivi non sono stati salvati; ripeta l'importazione quando il database funziona (ciò che è già salvato non viene salvato due volte).
import-not-all = Alcuni file sono stati rifiutati.

## Sincronizzazione dall'interfaccia

home-sync = Server
sync-state-not-sent = da inviare
sync-state-sent = inviato
sync-state-changed = modificato
sync-state-refused = rifiutato
sync-state-withdrawn = ritirato
does-sync = invia
does-repaint = ridisegna lo schermo
does-auto-advance = avanzamento automatico sì/no
notice-auto-advance-on = Avanzamento automatico attivo: una cifra risponde a una scelta singola e va avanti.
notice-auto-advance-off = Avanzamento automatico disattivato.
does-first = alla prima
does-last = all'ultima
does-page-down = pagina giù
does-page-up = pagina su
does-close = chiudi
sync-title = Trasmissione al server
sync-retrying-short = Ancora nessuna risposta ({ $problem }): nuovo tentativo…

## Risultati (campo report)

decimal-separator = ,
thousands-separator = .
report-read = { $count ->
    [one] Un questionario letto
   *[other] { $count } questionari letti
}
report-drafts-left-out = { $count ->
    [one] una bozza esclusa (--status all include le bozze)
   *[other] { $count } bozze escluse (--status all include le bozze)
}
report-other-form = { $count ->
    [one] un questionario di un altro modulo escluso
   *[other] { $count } questionari di un altro modulo esclusi
}
report-damaged = Escluso: { $reason }
report-na = { $count } NA
report-na-multiple = { $count } NA; risposta multipla
report-multiple = risposta multipla
report-text-answers = { $count ->
    [one] una risposta
   *[other] { $count } risposte
}
report-numbers = n = { $n } · media { $mean } · mediana { $median } · min { $min } · max { $max }
report-dates = n = { $n } · dal { $first } al { $last }
report-total = Totale
report-option = Risposta
report-unknown-by = Il modulo non ha un valore derivato "{ $by }" con cui suddividere le tabelle.

## Esportazioni (campo export)

export-var-id = Codice del questionario
export-var-status = Stato (bozza o completato)
export-var-created = Creato (UTC)
export-var-updated = Ultima modifica (UTC)
export-var-lang = Lingua di compilazione
export-var-reason = Motivo indicato per confermare la risposta: { $question }
export-chosen = Indicato
export-lang-it = italiano
export-lang-en = inglese
export-not-chosen = Non indicato
export-spss-comment = Legge responses-spss.csv esportato da campo dal modulo { $form }, versione { $version }.
export-cut-in-workbook = { $count ->
    [one] Un testo è più lungo
   *[other] { $count } testi sono più lunghi
} di quanto contenga una cella di foglio di calcolo (32.767 caratteri): tagliati in responses.xlsx, interi in responses.csv.
export-failed = Impossibile scrivere l'esportazione: { $detail }

## La schermata dei risultati

does-report = risultati
does-next-item = successiva
does-previous-item = precedente
does-scroll-down = scorri giù
does-scroll-up = scorri su
report-more-below = { $count ->
    [one] Ancora una riga sotto: Spazio
   *[other] Ancora { $count } righe sotto: Spazio
}
report-more-above = { $count ->
    [one] 1 riga sopra: b
   *[other] { $count } righe sopra: b
}
report-screen-title = Risultati · { $count ->
    [one] un questionario completato
   *[other] { $count } questionari completati
} · domanda { $number } di { $items }
report-screen-empty = Il modulo non ha domande.
report-screen-asked = Posta in { $asked ->
    [one] un questionario
   *[other] { $asked } questionari
} · non pertinente in { $na }

## Modalità a righe (campo --plain)

plain-hint-single = Scriva il numero di un'opzione, o parte del suo nome.
plain-hint-multi = Scriva i numeri (o parte dei nomi) di tutte le opzioni pertinenti, separati da virgole.
plain-hint-text = { $multiline ->
    [yes] Scriva la risposta su una riga (qui non si può andare a capo).
   *[no] Scriva la risposta su una riga.
}
plain-hint-words = { $multiline ->
    [yes] Scriva la risposta su una riga (qui non si può andare a capo): al massimo { $max } parole.
   *[no] Scriva la risposta su una riga: al massimo { $max } parole.
}
plain-hint-number = { $whole ->
    [yes] Scriva un numero intero.
   *[no] Scriva un numero, con la virgola per i decimali.
}
plain-hint-number-unit = { $whole ->
    [yes] Scriva un numero intero ({ $unit }).
   *[no] Scriva un numero ({ $unit }), con la virgola per i decimali.
}
plain-hint-date = Scriva la data come gg/mm/aaaa.
plain-reason-prompt = Scriva brevemente il motivo per confermare questa risposta, oppure - per cambiarla.
plain-reason-none = Nessun motivo indicato: la risposta resta da confermare o da cambiare.
plain-reason-kept = Motivo registrato.
plain-optional = (facoltativa)
plain-current = Risposta attuale: { $answer }. Invio (riga vuota) la mantiene.
plain-help = Comandi: ? aiuto · < precedente · > successiva · - cancella la risposta · :lang it o :lang en · :review riepilogo · :complete segna come completato · :quit esci. Ogni risposta viene salvata appena data.
plain-end = Fine del questionario. Scriva :review per controllarlo, :complete per segnarlo come completato, < per tornare indietro, :quit per uscire.
plain-unsaved-quit = Le ultime risposte non sono salvate (vedi sopra). Liberi spazio e risponda di nuovo per riprovare, oppure scriva di nuovo :quit per uscire: campo le scriverà in un file a parte e le dirà dove.
unsaved-rescued = campo: le ultime risposte non si sono potute salvare nella cartella dei dati ({ $reason }). Sono state scritte in { $path }: conservi quel file e lo copi nella cartella responses/ dei dati quando ci sarà di nuovo spazio.
unsaved-printed = campo: le ultime risposte non si sono potute salvare né nella cartella dei dati ({ $reason }) né in un file a parte ({ $failure }). Eccole per intero: le copi in un file che abbia per nome il loro id, nella cartella responses/ dei dati.
plain-not-utf8 = Quella riga contiene caratteri non UTF-8 e non è stata accettata: imposti il terminale su UTF-8 e la scriva di nuovo.
plain-recorded = Registrato: { $answer }
plain-help-filterable = Scriva il numero di una regione, o parte del suo nome ("tosc", "friuli").
plain-unknown-lang = "{ $lang }" non è una lingua di campo: usi :lang it o :lang en.
plain-home = Per compilare un questionario riga per riga: campo --plain new, oppure campo --plain edit CODICE.

## campo doctor

doctor-line = { $path }: { $reason }
doctor-leftover = { $path }: file temporaneo lasciato da un salvataggio interrotto; il questionario è integro e questo file si può eliminare.
data-dir-missing = La cartella dati { $path } non esiste: controlli il percorso (--data-dir o CAMPO_DATA_DIR).
doctor-empty = Nessun questionario nella cartella dati.
doctor-summary = { $good ->
    [0] Nessun questionario è in ordine
    [one] Un questionario è in ordine
   *[other] { $good } questionari sono in ordine
}; { $problems ->
    [0] nessun problema trovato.
    [one] un problema trovato.
   *[other] { $problems } problemi trovati.
}
doctor-found-problems = Alcuni file richiedono attenzione: sono stati lasciati come sono.

## Due sessioni, un questionario

lock-title = Aperto in un'altra sessione
lock-held = Qualcuno sta modificando questo questionario in un'altra sessione ({ $holder }). l: leggerlo senza modificarlo · a: attendere che si liberi, poi modificarlo · Esc: indietro.
lock-holder = utente { $user }, processo { $pid }
lock-holder-process = processo { $pid }
lock-waiting = In attesa che l'altra sessione chiuda il questionario; appena lo fa, si apre qui per la modifica. Esc smette di attendere.
does-read-only = sola lettura
does-wait = attendi
notice-read-only = Sola lettura: un'altra sessione sta modificando questo questionario.
notice-now-editable = L'altra sessione l'ha chiuso: ora può modificarlo.

plain-locked = Qualcuno sta modificando questo questionario in un'altra sessione ({ $holder }): riprovi quando sarà chiuso, oppure lo legga con campo show.

## La riga di comando (campo --help) e i suoi errori

cli-about = campo: raccolta di dati di indagine nel terminale, via SSH e su connessioni lente.
cli-heading-usage = Uso
cli-heading-commands = Comandi
cli-heading-options = Opzioni
cli-heading-arguments = Argomenti
cli-value-options = OPZIONI
cli-value-command = COMANDO
cli-value-lang = LINGUA
cli-value-dir = CARTELLA
cli-value-derived = VALORE-DERIVATO
cli-value-n = N
cli-value-seconds = SECONDI
cli-value-path-or-url = PERCORSO-O-URL
cli-value-id = CODICE
cli-value-name = NOME
cli-value-format = FORMATO
cli-value-status = STATO
cli-value-sort = ORDINE
cli-value-server = INDIRIZZO
cli-value-token = TOKEN
cli-value-listen = INDIRIZZO
cli-cmd-list = Elenca i questionari salvati
cli-cmd-show = Mostra le risposte di un questionario (il codice, o il suo inizio)
cli-cmd-new = Inizia subito un nuovo questionario
cli-cmd-edit = Riprende un questionario (il codice, o il suo inizio)
cli-cmd-report = Produce le tabelle di frequenza dai questionari salvati, come nell'articolo di Lasalvia et al. (2025)
cli-cmd-export = Esporta i dati per l'analisi (CSV, XLSX, SPSS)
cli-cmd-doctor = Controlla ogni file della cartella dati e segnala quelli che campo non può usare
cli-cmd-sync = Invia i questionari completati al server di raccolta (o in una cartella)
cli-cmd-serve = Avvia il server di raccolta, o lo amministra
cli-cmd-serve-token = Gestisce i token con cui le sedi inviano i questionari
cli-cmd-serve-token-add = Crea un token (viene mostrato una sola volta)
cli-cmd-serve-token-list = Elenca i token
cli-cmd-serve-token-revoke = Revoca un token
frame-problem-cell = riga { $line }, colonna { $column }: { $reason }
frame-problem-line = riga { $line }: { $reason }
frame-not-csv = non è un file CSV in UTF-8.
frame-no-unit-column = manca la colonna "unit", con il codice di ogni unità.
frame-unknown-column = colonna sconosciuta a campo: non è unit, population, email, in_coverage né una domanda del modulo.
frame-repeated-column = la colonna compare due volte.
frame-empty-unit = l'unità non ha un codice.
frame-bad-unit = il codice di un'unità può contenere solo lettere, cifre, «-», «_» o «.», al massimo 64 caratteri (per esempio dsm-verona).
frame-duplicate-unit = questa unità c'è già alla riga { $first_line }.
frame-not-an-option = "{ $code }" non è uno dei codici della domanda.
frame-not-prefillable = una scelta multipla, un numero o una data non possono venire dall'elenco delle unità.
frame-bad-number = non è un numero intero di residenti.
frame-bad-email = "{ $address }" non è un indirizzo e-mail.
frame-bad-yes-no = scriva yes o no.
frame-control-characters = contiene caratteri di controllo.
frame-does-not-fit = il questionario rifiuterebbe questa risposta, che poi nessuno potrebbe cambiare: { $reason }
frame-refused = { $count ->
    [one] Un problema:
   *[other] { $count } problemi:
} l'elenco delle unità non è stato importato e non è cambiato nulla.
frame-imported = Unità aggiunte: { $added } · aggiornate: { $updated }
frame-empty = Ancora nessuna unità: le carichi con campo serve frame import FILE.
frame-population = popolazione { $population }
frame-in-coverage = nella copertura
frame-out-of-coverage = fuori copertura
cli-cmd-serve-frame = L'elenco delle unità (dipartimenti) a cui si invia l'indagine
cli-cmd-serve-frame-import = Carica o aggiorna le unità da un file CSV (tutte le righe o nessuna)
cli-cmd-serve-frame-list = Elenca le unità
cli-arg-file = Il file
cli-value-file = FILE
codes-unknown-unit = Nell'elenco delle unità non c'è "{ $unit }": lo importi prima (campo serve frame import FILE).
codes-written = { $count ->
    [one] Un codice di accesso scritto
   *[other] { $count } codici di accesso scritti
} in { $path } (leggibile solo da lei). I codici precedenti di queste unità non valgono più.
cli-cmd-serve-codes = Dà a ogni unità un codice di accesso personale (mostrato una volta; il precedente smette di valere)
cli-arg-units = Solo questa unità (si può ripetere); senza, tutte le unità dell'elenco
cli-value-unit = UNITÀ
cli-arg-serve-codes-out = Scrive unità,codice in questo file CSV (leggibile solo da lei) invece che sullo schermo
closed = L'indagine è chiusa dal { $date }: da allora gli invii sono rifiutati (campo serve reopen la riapre).
reopened = L'indagine è di nuovo aperta.
close-bad-date = Indichi la chiusura come data (2026-12-31: aperta fino alla fine di quel giorno, UTC) o come ora (2026-12-31T18:00:00+01:00).
cli-cmd-serve-close = Chiude l'indagine: da allora gli invii sono rifiutati
cli-cmd-serve-reopen = Riapre l'indagine
cli-arg-at = Quando: una data (aperta fino alla fine di quel giorno, UTC) o un'ora; senza, adesso
cli-value-date = DATA
cli-cmd-serve-import = Importa una cartella scritta da campo sync --to
cli-cmd-serve-dump = Scrive l'ultima versione di ogni questionario come file di campo
cli-arg-help = Mostra questo aiuto
cli-arg-version = Mostra la versione
cli-arg-lang = Lingua: it o en (se non indicata: da LC_ALL, LC_MESSAGES o LANG)
cli-arg-data_dir = Cartella dei questionari (se non indicata: la cartella dati del sistema; anche CAMPO_DATA_DIR)
cli-arg-form = Usa un altro modulo: il nome di uno incluso in campo (abstract-bologna) o una cartella con form.json e locales/en, locales/it
cli-arg-plain = Pone le domande riga per riga, senza l'interfaccia a schermo intero
cli-arg-auto_advance = Una cifra che risponde a una scelta singola passa alla domanda successiva
cli-arg-ascii = Disegna bordi e segni solo in ASCII
cli-arg-json = Stampa in JSON
cli-arg-id = Il codice del questionario, o il suo inizio
cli-arg-status = Quali questionari: complete (completati, predefinito) o all (tutti)
cli-arg-report-format = Il formato: table (predefinito), md, csv o json
cli-arg-export-format = Il formato: csv, xlsx, spss o all (predefinito)
cli-arg-by = Suddivide ogni tabella per un valore derivato, come macro_area
cli-arg-sort = Ordine delle opzioni: form (del modulo, predefinito) o freq (le più scelte prima)
cli-arg-out = La cartella in cui scrivere
cli-arg-server = L'indirizzo del server, come https://campo.example.org
cli-arg-token = Il token che il gruppo di ricerca ha dato a questa sede (oppure - per leggerlo dallo standard input, o la variabile d'ambiente CAMPO_TOKEN, così non compare nell'elenco dei processi)
cli-arg-include_drafts = Invia anche le bozze
cli-arg-to = Scrive i questionari in questa cartella invece di inviarli (senza rete)
cli-arg-setup = Salva il server e il token (chiesti se non indicati) come predefiniti
cli-arg-listen = Indirizzo su cui restare in ascolto (predefinito 127.0.0.1:8750)
cli-arg-rate_limit = Richieste al secondo che un token può fare in media (predefinito 1000)
cli-arg-body_timeout = Secondi concessi alle intestazioni, poi al corpo, di una richiesta (predefinito 30)
cli-arg-db = Il database: un percorso, sqlite://PERCORSO oppure postgres://UTENTE@HOST/NOME (anche tramite PgBouncer; predefinito: server.sqlite nella cartella dati)
cli-arg-trusted_proxies = Un proxy inverso il cui X-Forwarded-For indica il client, così che ogni postazione sia contata con il proprio indirizzo (si ripete per ciascuno; ad es. 127.0.0.1 per nginx sulla stessa macchina)
cli-arg-db_pool = PostgreSQL: numero massimo di connessioni che questa istanza tiene aperte
cli-arg-db_timeout = PostgreSQL: secondi di attesa di una connessione prima che una richiesta non vada a buon fine
cli-arg-name = Il nome del token, per esempio quello della sede
cli-arg-dir = La cartella da acquisire
cli-error-invalid-value = "{ $value }" non è un valore valido per { $arg } (validi: { $valid }).
cli-error-unknown-argument = { $arg } non è un'opzione di campo.
cli-error-unknown-command = "{ $command }" non è un comando di campo.
cli-error-missing = Manca un argomento obbligatorio: { $arg }.
cli-error-repeated = { $arg } è indicata più di una volta.
cli-error-conflict = { $arg } non si può usare insieme alle altre opzioni indicate.
cli-error-other = La riga di comando non è corretta.
cli-error-hint = Per l'aiuto: campo --help.

sync-setup-registered = Registrato per l'unità "{ $unit }" come "{ $name }"; { $count ->
    [one] una risposta viene dall'elenco delle unità ed è già compilata.
   *[other] { $count } risposte vengono dall'elenco delle unità e sono già compilate.
}
sync-setup-unreachable = Non è stato salvato nulla: il server non è raggiungibile ({ $problem }). Riprovi quando la connessione torna.
cli-arg-code = Con --setup: registra il suo dipartimento con il codice di accesso dell'invito, al posto di un token (- lo legge dall'input)
cli-arg-team = Token del gruppo di ricerca: legge tutti i questionari e può importarli
cli-cmd-serve-status = Chi ha risposto: ogni unità, i tassi di risposta e la copertura della popolazione
cli-arg-serve-status-by = Raggruppa le unità per una domanda compilata dall'elenco, o per un valore che ne deriva: region, macro_area
cli-arg-serve-status-format = Il formato: table (predefinito), csv o json
cli-arg-catchment = Confronta la popolazione del bacino d'utenza delle unità che hanno risposto e di quelle che non hanno risposto
cli-cmd-serve-invite = Scrive o invia a ogni unità il suo invito, con il codice di accesso
cli-cmd-serve-remind = Scrive o invia un sollecito a ogni unità che non ha un questionario completato
cli-cmd-serve-withdraw = Mette da parte un questionario (conservato, non conteggiato), perché la sua unità possa inviarne un altro al suo posto
cli-arg-smtp = Invia tramite questo server SMTP: smtp://HOST[:PORTA] (STARTTLS se offerto) o smtps://HOST[:PORTA]; utente e password da CAMPO_SMTP_USER e CAMPO_SMTP_PASSWORD
cli-arg-from = Il mittente, per esempio "Gruppo di ricerca <indagine@example.org>"
cli-arg-ssh = Che cosa scrivono i direttori per rispondere via SSH, per esempio questionario@survey.example.org
cli-arg-codes = I codici da inviare, come li ha scritti campo serve codes --out (senza, ogni unità riceve un codice nuovo e quello vecchio smette di funzionare)
token-kind-team = gruppo di ricerca
token-kind-unit = unità { $unit }
token-kind-office = postazione
withdraw-unknown = Il server non ha nessun questionario il cui codice inizi con "{ $id }".
withdraw-ambiguous = Sul server più di un questionario ha un codice che inizia con "{ $prefix }": ne indichi altri caratteri.
withdrawn = Il questionario { $id } (unità { $unit }) è messo da parte: conservato con tutte le sue versioni, non è più conteggiato; l'unità ora può inviarne un altro.
status-unknown-grouping = "{ $by }" non è una domanda a scelta singola né un valore derivato da una: provi region o macro_area.
status-all = Totale
status-no-group = Non indicato
status-state-not_started = non iniziato
status-state-draft = bozza ricevuta
status-state-complete = completato
status-reminded = { $count ->
    [one] una volta, { $last }
   *[other] { $count } volte, l'ultima { $last }
}
status-col-unit = Unità
status-col-name = Nome
status-col-state = Stato
status-col-last-sent = Ultimo invio
status-col-invited = Invitata
status-col-reminded = Sollecitata
status-col-group = Gruppo
status-col-units = Unità
status-col-responded = Hanno risposto
status-col-rate = Tasso di risposta
status-col-population = Popolazione
status-col-covered = Pop. coperta
status-col-coverage = Copertura
status-col-catchment = Bacino d'utenza (unità con territorio)
status-col-n = Unità
status-col-mean = Media
status-col-median = Mediana
status-col-iqr = Intervallo interquartile (Q1–Q3)
status-responding = hanno risposto
status-not-responding = non hanno risposto
status-quantiles-note = Quartili per interpolazione lineare tra le statistiche d'ordine (tipo 7: il metodo predefinito di R, QUARTILE.INC di Excel).
mail-bad-smtp = "{ $url }" non è un server SMTP che campo possa usare: scriva smtp://HOST[:PORTA] o smtps://HOST[:PORTA], con utente e password in CAMPO_SMTP_USER e CAMPO_SMTP_PASSWORD, mai nell'indirizzo.
mail-code-stale = Il file dei codici non ha un codice valido per l'unità "{ $unit }": generi di nuovo i codici (campo serve codes --out FILE) o tolga --codes per darne di nuovi.
mail-done-written = { $kind ->
    [reminder] { $count ->
        [one] Un sollecito scritto in { $dir }.
       *[other] { $count } solleciti scritti in { $dir }.
    }
   *[other] { $count ->
        [one] Un invito scritto in { $dir }.
       *[other] { $count } inviti scritti in { $dir }.
    }
}
mail-done-sent = { $kind ->
    [reminder] { $count ->
        [one] Un sollecito inviato.
       *[other] { $count } solleciti inviati.
    }
   *[other] { $count ->
        [one] Un invito inviato.
       *[other] { $count } inviti inviati.
    }
}
mail-failed = L'e-mail all'unità "{ $unit }" non è partita: { $reason }
mail-no-address = L'unità "{ $unit }" non ha un indirizzo e-mail nell'elenco: saltata.
mail-not-all = { $count ->
    [one] Un'e-mail non è partita
   *[other] { $count } e-mail non sono partite
}: ripeta il comando per quelle unità (--unit).
mail-subject-invitation = Invito: { $title }
mail-subject-reminder = Promemoria: { $title }
mail-how-ssh = Come rispondere:

    1. Su Windows prema il tasto Windows, scriva cmd e prema Invio: si apre il «Prompt dei comandi». Su Mac apra l'app «Terminale» (la trova con Spotlight: Cmd+Spazio, poi scriva Terminale).
    2. Nella finestra che si apre scriva, esattamente come qui sotto, e prema Invio:

           ssh { $ssh }

       Al primo collegamento le viene chiesto se continuare («Are you sure you want to continue connecting»): scriva yes e prema Invio.
    3. Quando le viene chiesto il codice di accesso del suo dipartimento, digiti { $code } e prema Invio. Il codice è personale: la preghiamo di non diffonderlo fuori dal dipartimento.

    Si apre il questionario; il tasto ? mostra in ogni momento i tasti da usare.
mail-how-sync = Come rispondere con campo sul computer del suo ufficio (anche dove la connessione è lenta o si interrompe):

    1. Se campo non è ancora installato, lo chieda al referente informatico del dipartimento o risponda a questa e-mail.
    2. Apra il «Prompt dei comandi» (su Windows: tasto Windows, scriva cmd, Invio) o l'app «Terminale» (su Mac), scriva una volta sola questa riga e prema Invio:

           campo sync --setup --server { $server } --code { $code }

       Il codice è personale: la preghiamo di non diffonderlo fuori dal dipartimento.
    3. Poi avvii campo (scriva campo e prema Invio) e compili il questionario: ogni risposta resta salvata sul computer anche senza connessione. Quando ha finito, lo invii scrivendo campo sync.
mail-how-sync-instead = Se invece il suo ufficio usa campo sul proprio computer (per esempio dove la connessione è lenta o si interrompe), scriva una volta sola nel Prompt dei comandi o nel Terminale:

        campo sync --setup --server { $server } --code { $code }

    poi avvii campo (comando campo), compili il questionario e lo invii con campo sync.
mail-greeting = Gentile Direttrice, gentile Direttore,
mail-invitation-opening = le scriviamo per invitare il suo dipartimento, { $name }, a partecipare all'indagine nazionale «{ $title }», promossa da: { $sender }.
mail-voluntary = La partecipazione è volontaria. Il questionario può essere compilato da lei o da una persona del dipartimento da lei incaricata; si può interrompere e riprendere in qualsiasi momento, perché ogni risposta viene salvata subito.
mail-data-use = Le risposte saranno usate esclusivamente per gli scopi di questa ricerca e i risultati saranno presentati solo in forma aggregata. L'informativa sul trattamento dei dati personali (art. 13 del Regolamento UE 2016/679) le sarà inviata su richiesta.
mail-reminder-opening = le scriviamo di nuovo a proposito dell'indagine nazionale «{ $title }», promossa da: { $sender }. Non abbiamo ancora ricevuto dal suo dipartimento, { $name }, il questionario completato. Se lo ha già iniziato, le risposte date sono conservate: può riprendere dal punto in cui si era interrotta la compilazione.
mail-deadline = La preghiamo di completare il questionario entro il { $deadline }.
mail-contact = Per qualsiasi domanda può rispondere a questa e-mail ({ $contact }).
mail-signature = La ringraziamo per la collaborazione.

    { $sender }
mail-letter-bad = --letter vuole LINGUA=FILE, per esempio --letter it=lettera-it.txt: «{ $given }» non ha questa forma.
mail-letter-lang = «{ $lang }» non è una lingua del questionario: --letter accetta it e en.
mail-letter-twice = Due lettere in { $lang ->
    [it] italiano
   *[en] inglese
}: ne indichi una sola per lingua.
mail-letter-missing = Manca la lettera in { $lang ->
    [it] italiano
   *[en] inglese
}: con --letter ne serve una per ogni lingua dell'e-mail (--letter { $lang }=FILE).
mail-letter-not-text = { $path }: non è un testo UTF-8; lo salvi come testo semplice, con codifica UTF-8.
mail-letter-unknown = { $path }: il segnaposto { $placeholder } non esiste; si possono usare { $known }.
mail-letter-no-deadline = { $path }: la lettera cita { $placeholder }, ma l'indagine non ha una data di chiusura: la fissi prima con campo serve close --at DATA.
mail-letter-no-way-in = { $path }: la lettera non dice come rispondere; vi scriva { $access } (i passi per entrare, con il codice) o almeno { $code }.
cli-value-item = DOMANDA
cli-value-address = INDIRIZZO
cli-value-account = UTENTE@HOST
cli-value-url = URL
cli-value-code = CODICE
token-kind-kiosk = chiosco
cli-arg-kiosk = Il token di campo kiosk: controlla i codici di accesso dei direttori e invia i questionari delle loro unità
cli-cmd-kiosk = La porta d'ingresso SSH dell'indagine (avviata dal ForceCommand di OpenSSH): chiede il codice di accesso di un dipartimento e apre il suo questionario, nient'altro
cli-arg-idle_minutes = Minuti senza tasti dopo i quali la sessione salva e si chiude (predefinito 30)
cli-arg-tries = Codici sbagliati che una connessione può tentare prima di essere chiusa (predefinito 3)
cli-arg-takeover_after = Secondi senza tasti dopo i quali un'altra sessione può prendere il questionario, come dopo una connessione caduta (predefinito 120)
cli-value-minutes = MINUTI
kiosk-ask-code = Codice di accesso del suo dipartimento (F2: English):
kiosk-ask-code-plain = Codice di accesso del suo dipartimento:
code-shape = Un codice di accesso ha 16 lettere e cifre, in quattro gruppi da quattro (come K7QM-4XPD-9TWC-8HRN), senza 0, O, 1, I né L: lo controlli nell'invito.
kiosk-welcome = Codice accettato: { $name }. Apro il questionario…
kiosk-wrong-code = Nessun dipartimento ha questo codice. { $left ->
    [0] Non restano tentativi.
    [one] Resta un tentativo.
   *[other] Restano { $left } tentativi.
}
kiosk-too-many-tries = Troppi codici sbagliati: la connessione si chiude. Controlli il codice nell'invito e si colleghi di nuovo.
kiosk-not-set-up = Questo accesso non è configurato: il gruppo di ricerca deve eseguire, con questo account, campo sync --setup --server URL --token TOKEN (un token creato con campo serve token add NOME --kiosk).
kiosk-unreachable = Il server di raccolta non è raggiungibile per controllare il codice ({ $problem }). Riprovi tra qualche minuto.
kiosk-unreachable-plain = Il server di raccolta ora non può controllare il codice. Riprovi tra qualche minuto.
kiosk-open-elsewhere = Il questionario del suo dipartimento è aperto in questo momento in un'altra sessione. Lo chiuda lì, o riprovi tra qualche minuto.
kiosk-idle = La sessione era inattiva e si è chiusa; ogni risposta è salvata. Si colleghi di nuovo per proseguire.
kiosk-sent = Le sue risposte sono salvate e sono arrivate al gruppo di ricerca. Arrivederci.
kiosk-not-sent = Le sue risposte sono salvate qui; arriveranno al gruppo di ricerca appena il server sarà raggiungibile. Arrivederci.
kiosk-refused = Le sue risposte sono salvate qui, ma il server del gruppo di ricerca non le ha accolte: { $reason } Per favore scriva al gruppo di ricerca (l'indirizzo è nell'invito) e lo segnali. Arrivederci.
kiosk-nothing-answered = Nessuna risposta è stata data, quindi non è stato inviato nulla. Si colleghi di nuovo quando vuole. Arrivederci.
key-take = p
does-take-over = prendi
lock-held-idle = Questo questionario è aperto in un'altra sessione ({ $holder }), senza tasti da { $minutes } min: forse la sua connessione è caduta. p: prenderlo (l'altra sessione salva e lo lascia) · l: leggerlo · a: attendere · Esc: indietro.
lock-taking-over = Lo sto prendendo: l'altra sessione salva e lo lascia…
notice-taken-over = Un'altra sessione ha preso questo questionario; ogni risposta era già salvata.
kiosk-taken-over = Il questionario del suo dipartimento è stato aperto in un'altra sessione, che lo ha preso; ogni risposta è salvata. Arrivederci.
kiosk-taking-over = Il questionario era rimasto aperto in una sessione senza tasti da un po' (una connessione caduta?): lo prendo io…
plain-taken-over = Un'altra sessione ha preso questo questionario; ogni risposta è salvata. Arrivederci.
plain-taking-over = Questo questionario era rimasto aperto in un'altra sessione senza tasti da un po' (una connessione caduta?): lo prendo; quella sessione salva e lo lascia.
does-go-on = prosegui
codebook-date-as-text = nel file XLSX una data anteriore al 1900 (che un foglio di calcolo non può contenere) è scritta come testo
cli-arg-letters = La lettera del gruppo di ricerca in una lingua, come LINGUA=FILE (it=lettera-it.txt); si ripete, una per lingua. Nel testo: {"{"}nome{"}"}, {"{"}codice{"}"}, {"{"}scadenza{"}"}, {"{"}accesso{"}"} (i passi per entrare, con il codice), {"{"}titolo{"}"}. Senza, campo scrive la sua lettera
