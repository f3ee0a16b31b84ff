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
entry-note = Nota
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
show-calculated = (calcolato dal modulo)

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
notice-counting = Conteggio delle risposte complete in corso…

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
problem-not-allowed = Questa risposta non è ammessa.
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
form-error-expression = l'espressione della domanda "{ $item }", { $expression }, non si può leggere: { $problem }.
expression-unexpected = "{ $found }" dove non era atteso (carattere { $at })
expression-unexpected-end = finisce prima di essere completa
expression-unclosed-text = un testo aperto al carattere { $at } non viene mai chiuso
expression-unknown-function = campo non conosce la funzione { $name }()
expression-wrong-arity = { $name }() vuole { $expected } argomenti, non { $found }
expression-arity-between = da { $least } a { $most }
expression-arity-at-least = almeno { $least }
xlsform-error = foglio "{ $sheet }", riga { $row }, colonna "{ $column }": { $problem }
xlsform-unreadable = il file non si può leggere: { $reason }
xlsform-not-a-spreadsheet = il file non è un foglio di calcolo che campo sa leggere (.xlsx, .xls, .ods, o il .md di pyxform)
xlsform-no-survey = il modulo non ha il foglio "survey"
xlsform-no-type = il foglio non ha la colonna "type"
xlsform-unsupported-type = campo non gestisce ancora le domande di tipo "{ $type }"
xlsform-unsupported-column = campo non gestisce ancora questa colonna, che cambia ciò che si chiede o si conserva
xlsform-unsupported-language = i moduli di campo sono in inglese (en) e in italiano (it), non in "{ $code }"
xlsform-missing-name = manca il nome
xlsform-duplicate-name = il nome "{ $name }" è usato due volte
xlsform-missing-label = la domanda non ha un'etichetta
xlsform-missing-calculation = una riga calculate deve avere la sua formula nella colonna calculation
xlsform-unknown-list = il foglio "choices" non ha l'elenco "{ $list }"
xlsform-empty-list = l'elenco "{ $list }" non ha scelte
xlsform-unbalanced-group = i gruppi non si chiudono come si aprono
xlsform-unsupported-sheet = campo non gestisce ancora questo foglio, che cambia ciò che si conserva
xlsform-label-reference = campo non inserisce ancora i valori ${"{"}…{"}"} qui (solo nelle etichette e nei suggerimenti delle domande)
xlsform-invalid-name = "{ $name }" non è un nome che ODK accetta: prima una lettera o _, poi lettere, cifre, _, . o -
xlsform-unknown-reference = ${"{"}{ $name }{"}"} non è il nome di una domanda del modulo
form-error-condition-unknown-option = la condizione della domanda "{ $item }" si riferisce all'opzione "{ $code }", che la domanda "{ $refers }" non ha.
form-error-specify-unknown-item = la domanda "{ $item }" specifica "{ $refers }", che non è una domanda precedente.
form-error-specify-unknown-option = la domanda "{ $item }" specifica l'opzione "{ $code }", che la domanda "{ $refers }" non ha.
form-error-specify-not-text = la domanda "{ $item }" specifica l'opzione di un'altra domanda, quindi deve essere una domanda aperta.
form-error-calculate-without-calculation = la voce "{ $item }" è un calcolo: le serve una "calculation" da svolgere.
form-error-derived-unknown-item = il valore derivato "{ $derived }" si basa su "{ $refers }", che non è una domanda.
form-error-derived-unknown-option = il valore derivato "{ $derived }" usa l'opzione "{ $code }", che la sua domanda non ha.
form-error-summary-unknown-item = il riepilogo nomina "{ $item }", che non è una domanda.
form-error-missing-message = manca il messaggio "{ $id }" nella lingua "{ $lang }".

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
plain-hint-note = Prema Invio per proseguire.
plain-note-no-answer = Questa è una nota: non c'è nulla da rispondere. Prema Invio per proseguire.
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
