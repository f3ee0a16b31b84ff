### I comandi di campo (italiano): la loro guida e ciò che dicono sync,
### serve, report, export e doctor. Consultato quando il file dell'interfaccia
### non ha il messaggio, e letto solo allora (src/i18n/mod.rs).

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

## campo doctor

doctor-line = { $path }: { $reason }
doctor-leftover = { $path }: file temporaneo lasciato da un salvataggio interrotto; il questionario è integro e questo file si può eliminare.
data-dir-missing = La cartella dati { $path } non esiste: controlli il percorso (--data-dir o CAMPO_DATA_DIR).
server-binary-missing = campo affida serve ed export a campo-server, che va installato accanto a campo, ma non riesce ad avviare { $path }: { $reason } Installi entrambi i programmi (vedere README.md); in una copia del codice di campo, cargo build --release li prepara entrambi (cargo run prepara solo campo).
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
cli-arg-form = Usa un altro modulo: il nome di uno incluso in campo (abstract-bologna), una cartella con form.json e locales/en, locales/it, o il foglio di calcolo di un XLSForm
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
cli-cmd-form = Verifica la logica di un modulo: dai delle risposte e guarda che cosa chiede
cli-cmd-form-try = Dà le risposte in ordine e mostra lo stato del modulo (come lo riporta il motore di ODK)
cli-arg-definition = Il modulo: il nome di uno incluso in campo, una cartella, o il foglio di calcolo di un XLSForm
cli-arg-answers = Le risposte, [["nome", valore], …], date in ordine (- le legge dallo standard input)
cli-arg-each = Mostra lo stato prima della prima risposta e dopo ognuna
form-try-answers-unreadable = Le risposte in { $path } non si possono usare: { $reason }
form-try-answers-shape = devono essere un elenco JSON di passi, [["nome", valore], …]
form-try-step-shape = un passo è ["nome", valore]
form-try-no-question = il modulo non ha una domanda di nome { $name }
form-try-takes-no-answer = { $name } non prende risposte: è una nota, o un valore calcolato dal modulo
form-try-not-a-number = "{ $value }" non è un numero
form-try-after = Dopo
form-try-not-asked = (non chiesta)
form-try-required-missing = (obbligatoria, senza risposta)
form-try-unanswered = (senza risposta)
form-try-note = (nota)
cli-value-form = MODULO
cli-value-answers = RISPOSTE
cli-cmd-form-import = Fa di un XLSForm una cartella di modulo di campo (form.json e un file Fluent per lingua)
cli-arg-form-import-file = L'XLSForm: .xlsx, .xls, .ods, o il .md di pyxform
cli-arg-form-import-out = La cartella da scrivere (se non indicata: il nome del file, qui)
form-import-written = Modulo { $id }, versione { $version }: { $questions ->
        [one] una domanda
       *[other] { $questions } domande
    } in { $sections ->
        [one] una sezione
       *[other] { $sections } sezioni
    }, scritto in { $dir }.
form-import-left-aside = foglio "{ $sheet }", riga { $row }, colonna "{ $column }": lasciata da parte (serve solo all'aspetto delle domande in altri strumenti)
form-import-unwritable = { $path } non si può scrivere: { $reason }
