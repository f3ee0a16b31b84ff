### campo's commands (English): their help, and what sync, serve, report,
### export and doctor say. Looked up when the interface's own file has no
### such message, and parsed only then (src/i18n/mod.rs).

## Sync (campo sync)

sync-no-server = No server to send to: give --server URL, or save one with campo sync --setup.
sync-no-token = No token to send with: give --token, or save one with campo sync --setup.
sync-planned = { $total ->
    [one] One response to send.
   *[other] { $total } responses to send.
}
sync-progress = Sent { $done } of { $total } ({ $kb } KB)
sync-retrying = Attempt { $attempt } failed ({ $problem }); retrying…
sync-summary = Sent: { $sent } · already there: { $already } · refused: { $refused } · not sent: { $failed } · { $answered ->
    [yes] { $kb } KB in { $requests ->
        [one] { $requests } request
       *[other] { $requests } requests
    }
   *[no] { $requests ->
        [one] one try, with no answer from the server
       *[other] { $requests } tries, with no answer from the server
    }
}
sync-refused-line =   { $id }: refused: { $reason }
sync-stopped = Stopped: { $reason }
sync-gave-up = Stopped: the server cannot be reached ({ $reason }). Unsent responses will go next time: run campo sync again later.
sync-not-all-delivered = Not everything was delivered.
sync-exported = { $count ->
    [one] One response written to { $dir }.
   *[other] { $count } responses written to { $dir }.
}
sync-network-refused = the connection was refused: the server is not running at that address
sync-network-timed-out = the server did not answer in time
sync-network-dropped = the connection broke off
sync-network = network: { $detail }
sync-server-error = the server answered { $status }
sync-unauthorized = the server did not accept the token (it is wrong or was revoked). Ask the research team for a new one.
sync-forbidden = the server refuses responses from this client.
sync-tls = the secure connection failed: { $detail }
sync-bad-url = "{ $url }" is not a usable server address.
sync-unknown-host = no computer has that name: check the server address for typing mistakes (campo sync --setup).
sync-redirected = the server answered { $status } and sends to "{ $to }": campo follows no redirect, so that answers go only where they were set up to. If that is the server's new address, run campo sync --setup with it.
sync-wrong-confirmation = the server confirmed revision { $confirmed } when revision { $sent } was sent: nothing is counted as sent. Tell the research team.
sync-closed = the survey closed on { $date }: nothing more can be sent. If that is a mistake, tell the research team.
sync-not-campo = the address answered { $status }, but it is not a campo server.
sync-ask-server = Server address [{ $current }]:
sync-ask-token = Token:
sync-setup-no-answer = No answer given: nothing was saved.
sync-setup-no-scheme = "{ $server }" is not a server address: it must start with https:// (or http:// on a local network). Nothing was saved.
sync-setup-checked = The server knows this token as "{ $name }".
sync-setup-unchecked = The server could not be reached to check the token ({ $problem }); saved all the same: the first sync will tell.
sync-setup-refused = Nothing was saved: { $reason }
sync-setup-refused-plain = Nothing was saved: the server did not accept the token.
sync-config-readable = Warning: { $path } holds the sync token and other users can read it. Make it private with: chmod 600 { $path }
sync-setup-saved = Saved to { $path }.
config-unreadable = Cannot read the settings file { $path }: { $reason }
config-invalid = The settings file { $path } is not valid: { $detail }

## What the server refused

refusal-bad-id = the ID is not a valid UUID.
refusal-not-json = the document is not valid JSON.
refusal-not-a-response = the document is not a campo response ({ $detail }).
refusal-id-mismatch = the ID in the address and in the document differ.
refusal-invalid = the answers do not fit the form: { $problems }
refusal-stale = the server already has a newer version (revision { $current }) from somewhere else.
refusal-conflict = the server has a different version with the same revision number ({ $revision }).
refusal-too-large = the document is larger than the server accepts ({ $kb } KB).
refusal-not-found = the server has no such response for this office (it may belong to another office's token).
refusal-over-quota = this office has used all the space the server gives it ({ $megabytes } MB): ask the research team.
refusal-too-slow = the document took too long to arrive.
refusal-rate-limited = too many requests: try again in a while.
refusal-unit-answered = the department has already sent another questionnaire ({ $first }): one per department. If this one should take its place, ask the research team to withdraw the other (campo serve withdraw).
refusal-withdrawn = the research team has withdrawn this questionnaire: it no longer counts, and changes to it are not taken. If it should count again, contact the research team.
refusal-unit-is-fixed = the server has this questionnaire as another department's: a questionnaire's department does not change. If it is wrong, contact the research team.
refusal-no-unit = the questionnaire names no department: the kiosk sends departments' questionnaires only.
refusal-not-from-the-list = the answer "{ $item }" should come from the list of departments but differs from it: it is not changed here. If the list is wrong, tell the research team.
refusal-wrong-unit = this office is not registered for the unit "{ $unit }" named in the questionnaire.
refusal-wrong-code = no department has this access code: check it against the invitation.
refusal-too-many-guesses = too many wrong access codes from this address: try again in an hour.

## The collection server (campo serve)

serve-listening = campo serve: listening on http://{ $address } (database { $db }: { $backend }, schema version { $schema })
serve-failed = The server stopped: { $reason }
serve-db-unsupported = "{ $scheme }" databases are not supported: give a path to an SQLite file or a postgres:// address.
serve-db-open-failed = Cannot open the database { $db }: { $reason }
serve-db-failed = Database error: { $reason }
serve-dumped = { $count ->
    [one] One response written to { $dir }.
   *[other] { $count } responses written to { $dir }.
}
token-added = Token for "{ $name }" (shown only now: keep it safe):
token-exists = There is already a token called "{ $name }": revoke it first, or choose another name.
token-line = { $name }  created { $created }
token-line-revoked = { $name }  created { $created }, revoked { $revoked }
token-revoked = Token "{ $name }" revoked.
token-unknown = There is no valid token called "{ $name }".
import-refused-line = { $path }: refused: { $reason }
import-summary = Imported: { $stored } · already there: { $already } · refused: { $refused }
import-stopped = The import stopped at { $path }: the database failed ({ $reason }). That file and those after it were not stored; run the import again when the database works (what is stored is not stored twice).
import-not-all = Some files were refused.

## Reports (campo report)

decimal-separator = .
thousands-separator = ,
report-read = { $count ->
    [one] One response read
   *[other] { $count } responses read
}
report-drafts-left-out = { $count ->
    [one] one draft left out (--status all counts drafts)
   *[other] { $count } drafts left out (--status all counts drafts)
}
report-other-form = { $count ->
    [one] one response of another form left out
   *[other] { $count } responses of another form left out
}
report-damaged = Left out: { $reason }
report-na = { $count } NA
report-na-multiple = { $count } NA; multiple choice
report-multiple = multiple choice
report-text-answers = { $count ->
    [one] one answer
   *[other] { $count } answers
}
report-numbers = n = { $n } · mean { $mean } · median { $median } · min { $min } · max { $max }
report-dates = n = { $n } · from { $first } to { $last }
report-total = Total
report-option = Answer
report-unknown-by = The form has no derived value "{ $by }" to break the tables down by.

## Exports (campo export)

export-var-id = Response ID
export-var-status = Status (draft or complete)
export-var-created = Created (UTC)
export-var-updated = Last change (UTC)
export-var-lang = Language of entry
export-var-reason = Reason given to keep the answer: { $question }
export-chosen = Chosen
export-lang-it = Italian
export-lang-en = English
export-not-chosen = Not chosen
export-spss-comment = Reads responses-spss.csv exported by campo from form { $form }, version { $version }.
export-cut-in-workbook = { $count ->
    [one] One text is
   *[other] { $count } texts are
} longer than a spreadsheet cell holds (32,767 characters): cut in responses.xlsx, whole in responses.csv.
export-failed = The export could not be written: { $detail }

## campo doctor

doctor-line = { $path }: { $reason }
doctor-leftover = { $path }: a temporary file left by an interrupted save; the response itself is whole, and this file can be deleted.
data-dir-missing = The data folder { $path } does not exist: check the path (--data-dir or CAMPO_DATA_DIR).
server-binary-missing = campo runs serve and export with campo-server, installed beside it, and cannot start { $path }: { $reason } Install both (see README.md); in a clone of campo, cargo build --release makes both (cargo run makes campo alone).
doctor-empty = No responses in the data folder.
doctor-summary = { $good ->
    [0] No response is in order
    [one] One response is fine
   *[other] { $good } responses are fine
}; { $problems ->
    [0] no problems found.
    [one] one problem found.
   *[other] { $problems } problems found.
}
doctor-found-problems = Some files need attention: they were left as they are.

## The command line (campo --help) and its errors

cli-about = campo: enter survey data in the terminal, over SSH and on poor links.
cli-heading-usage = Usage
cli-heading-commands = Commands
cli-heading-options = Options
cli-heading-arguments = Arguments
cli-value-options = OPTIONS
cli-value-command = COMMAND
cli-value-lang = LANGUAGE
cli-value-dir = FOLDER
cli-value-derived = DERIVED
cli-value-n = N
cli-value-seconds = SECONDS
cli-value-path-or-url = PATH-OR-URL
cli-value-id = ID
cli-value-name = NAME
cli-value-format = FORMAT
cli-value-status = STATUS
cli-value-sort = ORDER
cli-value-server = ADDRESS
cli-value-token = TOKEN
cli-value-listen = ADDRESS
cli-cmd-list = List the saved responses
cli-cmd-show = Print one response's answers (its ID, or the start of it)
cli-cmd-new = Start a new response straight away
cli-cmd-edit = Continue a response (its ID, or the start of it)
cli-cmd-report = Print frequency tables laid out like the paper's, from the saved responses
cli-cmd-export = Export the data for analysis (CSV, XLSX, SPSS)
cli-cmd-doctor = Check every file of the data folder and report those campo cannot use
cli-cmd-sync = Send complete responses to the collection server (or to a folder)
cli-cmd-serve = Run the collection server, or administer it
cli-cmd-serve-token = Manage the tokens offices sync with
cli-cmd-serve-token-add = Create a token (it is shown once)
cli-cmd-serve-token-list = List the tokens
cli-cmd-serve-token-revoke = Revoke a token
frame-problem-cell = line { $line }, column { $column }: { $reason }
frame-problem-line = line { $line }: { $reason }
frame-not-csv = not a CSV file in UTF-8.
frame-no-unit-column = there is no "unit" column, which names each unit.
frame-unknown-column = not a column campo knows: neither unit, population, email, in_coverage nor a question of the form.
frame-repeated-column = the column is there twice.
frame-empty-unit = the unit has no code.
frame-bad-unit = a unit code may hold only letters, digits, "-", "_" or ".", at most 64 characters (e.g. dsm-verona).
frame-duplicate-unit = this unit is already on line { $first_line }.
frame-not-an-option = "{ $code }" is not one of the question's codes.
frame-not-prefillable = a multiple choice, a number or a date cannot come from the list of units.
frame-bad-number = not a whole number of residents.
frame-bad-email = "{ $address }" is not an e-mail address.
frame-bad-yes-no = write yes or no.
frame-control-characters = holds control characters.
frame-does-not-fit = the questionnaire would refuse this answer, which no one could then change: { $reason }
frame-refused = { $count ->
    [one] One problem:
   *[other] { $count } problems:
} the list of units was not imported, and nothing was changed.
frame-imported = Units added: { $added } · updated: { $updated }
frame-empty = No units yet: load them with campo serve frame import FILE.
frame-population = population { $population }
frame-in-coverage = in coverage
frame-out-of-coverage = out of coverage
cli-cmd-serve-frame = The list of units (departments) the survey is sent to
cli-cmd-serve-frame-import = Load or update the units from a CSV file (every row or none)
cli-cmd-serve-frame-list = List the units
cli-arg-file = The file
cli-value-file = FILE
codes-unknown-unit = There is no unit "{ $unit }" in the list of units: import it first (campo serve frame import FILE).
codes-written = { $count ->
    [one] One access code
   *[other] { $count } access codes
} written to { $path } (readable by you only). Earlier codes of these units no longer work.
cli-cmd-serve-codes = Give each unit a personal access code (shown once; an earlier one stops working)
cli-arg-units = Only this unit (may be given several times); every unit of the list without it
cli-value-unit = UNIT
cli-arg-serve-codes-out = Write unit,code to this CSV file (readable by you only) instead of the screen
closed = The survey is closed from { $date }: sends are refused from then on (campo serve reopen opens it again).
reopened = The survey is open again.
close-bad-date = Give the closing as a date (2026-12-31: open until the end of that day, UTC) or a time (2026-12-31T18:00:00+01:00).
cli-cmd-serve-close = Close the survey: from then on sends are refused
cli-cmd-serve-reopen = Open the survey again
cli-arg-at = When: a date (open until the end of that day, UTC) or a time; now without it
cli-value-date = DATE
cli-cmd-serve-import = Import a folder written by campo sync --to
cli-cmd-serve-dump = Write the latest version of every response as campo files
cli-arg-help = Show this help
cli-arg-version = Show the version
cli-arg-lang = Language: it or en (default: from LC_ALL, LC_MESSAGES or LANG)
cli-arg-data_dir = Folder of the responses (default: the platform's data folder; also CAMPO_DATA_DIR)
cli-arg-form = Run another form: the name of one campo includes (abstract-bologna), a folder with form.json and locales/en, locales/it, or an XLSForm spreadsheet
cli-arg-plain = Ask line by line, without the full-screen interface
cli-arg-auto_advance = A digit answering a single choice moves on to the next question
cli-arg-ascii = Draw borders and marks in ASCII only
cli-arg-json = Print JSON
cli-arg-id = The response's ID, or the start of it
cli-arg-status = Which responses: complete (the default) or all
cli-arg-report-format = The format: table (default), md, csv or json
cli-arg-export-format = The format: csv, xlsx, spss or all (default)
cli-arg-by = Break every table down by a derived value, such as macro_area
cli-arg-sort = Order of the options: form (default) or freq (most chosen first)
cli-arg-out = The folder to write into
cli-arg-server = The server's address, such as https://campo.example.org
cli-arg-token = The token the research team gave this office (or - to read it from standard input, or the CAMPO_TOKEN environment variable, so that it shows in no process list)
cli-arg-include_drafts = Send drafts too
cli-arg-to = Write the responses into this folder instead (no network)
cli-arg-setup = Save the server and the token (asked for if not given) as the defaults
cli-arg-listen = Address to listen on (default 127.0.0.1:8750)
cli-arg-rate_limit = Requests a second one token may make on average (default 1000)
cli-arg-body_timeout = Seconds a request's headers, then its body, may take (default 30)
cli-arg-db = The database: a path, sqlite://PATH, or postgres://USER@HOST/NAME (also through PgBouncer; default: server.sqlite in the data folder)
cli-arg-trusted_proxies = A reverse proxy whose X-Forwarded-For names the client, so that each office is counted by its own address (repeat for each; e.g. 127.0.0.1 for nginx on the same machine)
cli-arg-db_pool = PostgreSQL: connections this instance keeps open at most
cli-arg-db_timeout = PostgreSQL: seconds to wait for a connection before a request fails
cli-arg-name = The token's name, such as the office's
cli-arg-dir = The folder to take in
cli-error-invalid-value = "{ $value }" is not a valid value for { $arg } (valid: { $valid }).
cli-error-unknown-argument = { $arg } is not an option campo knows.
cli-error-unknown-command = "{ $command }" is not a campo command.
cli-error-missing = A required argument is missing: { $arg }.
cli-error-repeated = { $arg } is given more than once.
cli-error-conflict = { $arg } cannot be used with the other options given.
cli-error-other = Invalid command line.
cli-error-hint = For help: campo --help.

sync-setup-registered = Registered for the unit "{ $unit }" as "{ $name }"; { $count ->
    [one] one answer comes from the list of units and is filled in.
   *[other] { $count } answers come from the list of units and are filled in.
}
sync-setup-unreachable = Nothing was saved: the server could not be reached ({ $problem }). Try again when the connection is back.
cli-arg-code = With --setup: register for your department with the access code of the invitation, instead of a token (- reads it from standard input)
cli-arg-team = A research team's token: it reads every response and may import
cli-cmd-serve-status = Who has answered: each unit, the response rates and the population coverage
cli-arg-serve-status-by = Group the units by an item the list fills in, or a value derived from it: region, macro_area
cli-arg-serve-status-format = The format: table (default), csv or json
cli-arg-catchment = Compare the catchment population of the units that answered and of those that did not
cli-cmd-serve-invite = Write or send each unit its invitation, with its access code
cli-cmd-serve-remind = Write or send a reminder to each unit without a complete questionnaire
cli-cmd-serve-withdraw = Set a response aside (kept, not counted), so that its unit can send another in its place
cli-arg-smtp = Send through this SMTP server: smtp://HOST[:PORT] (STARTTLS when offered) or smtps://HOST[:PORT]; user and password from CAMPO_SMTP_USER and CAMPO_SMTP_PASSWORD
cli-arg-from = The sender, such as "Survey team <survey@example.org>"
cli-arg-ssh = What directors type to answer over SSH, such as questionario@survey.example.org
cli-arg-codes = The codes to send, as campo serve codes --out wrote them (without it each unit gets a new code, and its old one stops working)
token-kind-team = research team
token-kind-unit = unit { $unit }
token-kind-office = office
withdraw-unknown = The server has no response whose ID starts with "{ $id }".
withdraw-ambiguous = More than one response on the server has an ID starting with "{ $prefix }": give more characters.
withdrawn = Response { $id } (unit { $unit }) is set aside: kept with all its versions, no longer counted; the unit can now send another.
status-unknown-grouping = "{ $by }" is neither a single-choice question nor a value derived from one: try region or macro_area.
status-all = All
status-no-group = Not given
status-state-not_started = not started
status-state-draft = draft received
status-state-complete = complete
status-reminded = { $count ->
    [one] once, { $last }
   *[other] { $count } times, last { $last }
}
status-col-unit = Unit
status-col-name = Name
status-col-state = State
status-col-last-sent = Last sent
status-col-invited = Invited
status-col-reminded = Reminded
status-col-group = Group
status-col-units = Units
status-col-responded = Responded
status-col-rate = Response rate
status-col-population = Population
status-col-covered = Pop. covered
status-col-coverage = Coverage
status-col-catchment = Catchment (units in coverage)
status-col-n = Units
status-col-mean = Mean
status-col-median = Median
status-col-iqr = Interquartile range (Q1–Q3)
status-responding = responded
status-not-responding = did not respond
status-quantiles-note = Quartiles by linear interpolation between order statistics (type 7: R's default, Excel's QUARTILE.INC).
mail-bad-smtp = "{ $url }" is not an SMTP server campo can use: write smtp://HOST[:PORT] or smtps://HOST[:PORT], with the user and password in CAMPO_SMTP_USER and CAMPO_SMTP_PASSWORD, never in the address.
mail-code-stale = The codes file has no current code for the unit "{ $unit }": issue the codes again (campo serve codes --out FILE) or leave out --codes to give new ones.
mail-done-written = { $kind ->
    [reminder] { $count ->
        [one] One reminder written in { $dir }.
       *[other] { $count } reminders written in { $dir }.
    }
   *[other] { $count ->
        [one] One invitation written in { $dir }.
       *[other] { $count } invitations written in { $dir }.
    }
}
mail-done-sent = { $kind ->
    [reminder] { $count ->
        [one] One reminder sent.
       *[other] { $count } reminders sent.
    }
   *[other] { $count ->
        [one] One invitation sent.
       *[other] { $count } invitations sent.
    }
}
mail-failed = The e-mail to the unit "{ $unit }" did not go: { $reason }
mail-no-address = The unit "{ $unit }" has no e-mail address in the list: passed over.
mail-not-all = { $count ->
    [one] One e-mail did not go
   *[other] { $count } e-mails did not go
}: run the command again for those units (--unit).
mail-subject-invitation = Invitation: { $title }
mail-subject-reminder = Reminder: { $title }
mail-how-ssh = How to answer:

    1. On Windows press the Windows key, type cmd and press Enter: the "Command Prompt" opens. On a Mac open the "Terminal" app (Spotlight finds it: Cmd+Space, then type Terminal).
    2. In the window that opens, type exactly what is below and press Enter:

           ssh { $ssh }

       The first time, you are asked whether to continue connecting: type yes and press Enter.
    3. When you are asked for your department's access code, type { $code } and press Enter. The code is personal: please do not pass it on outside the department.

    The questionnaire opens; the ? key shows the keys to use at any time.
mail-how-sync = How to answer with campo on your office's computer (also where the connection is slow or drops):

    1. If campo is not installed yet, ask the department's IT contact, or reply to this e-mail.
    2. Open the "Command Prompt" (on Windows: the Windows key, type cmd, Enter) or the "Terminal" app (on a Mac), type this line once and press Enter:

           campo sync --setup --server { $server } --code { $code }

       The code is personal: please do not pass it on outside the department.
    3. Then start campo (type campo and press Enter) and fill in the questionnaire: every answer stays saved on the computer, even without a connection. When you have finished, send it by typing campo sync.
mail-how-sync-instead = If your office uses campo on its own computer instead (for example where the connection is slow or drops), type once in the Command Prompt or the Terminal:

        campo sync --setup --server { $server } --code { $code }

    then start campo (the command campo), fill in the questionnaire and send it with campo sync.
mail-greeting = Dear Director,
mail-invitation-opening = we are writing to invite your department, { $name }, to take part in the national survey "{ $title }", run by { $sender }.
mail-voluntary = Taking part is voluntary. The questionnaire can be filled in by you or by someone in the department you choose; it can be paused and resumed at any time, since each answer is saved immediately.
mail-data-use = The answers will be used only for the purposes of this research, and the results will be presented only in aggregate form. The information notice on the processing of personal data (Art. 13 of EU Regulation 2016/679) is available on request.
mail-reminder-opening = we are writing again about the national survey "{ $title }", run by { $sender }. We have not yet received the completed questionnaire from your department, { $name }. If you have started it, your answers are kept: you can resume where you left off.
mail-deadline = Please complete the questionnaire by { $deadline }.
mail-contact = For any question, you can reply to this e-mail ({ $contact }).
mail-signature = Thank you for your time.

    { $sender }
mail-letter-bad = --letter wants LANGUAGE=FILE, e.g. --letter en=letter-en.txt: "{ $given }" is not of that shape.
mail-letter-lang = "{ $lang }" is not a language of the questionnaire: --letter takes it and en.
mail-letter-twice = Two letters in { $lang ->
    [it] Italian
   *[en] English
}: give only one for each language.
mail-letter-missing = The letter in { $lang ->
    [it] Italian
   *[en] English
} is missing: with --letter, each language of the e-mail needs one (--letter { $lang }=FILE).
mail-letter-not-text = { $path }: not a UTF-8 text; save it as plain text, encoded as UTF-8.
mail-letter-unknown = { $path }: there is no placeholder { $placeholder }; these can be used: { $known }.
mail-letter-no-deadline = { $path }: the letter names { $placeholder }, but the survey has no closing date: set one first with campo serve close --at DATE.
mail-letter-no-way-in = { $path }: the letter does not say how to answer; write { $access } in it (the steps to get in, with the code) or at least { $code }.
cli-value-item = ITEM
cli-value-address = ADDRESS
cli-value-account = USER@HOST
cli-value-url = URL
cli-value-code = CODE
token-kind-kiosk = kiosk
cli-arg-kiosk = The token of campo kiosk: it checks directors' access codes and sends their units' responses
cli-cmd-kiosk = The survey's SSH front door (run by OpenSSH's ForceCommand): asks a department's access code and opens its questionnaire, nothing else
cli-arg-idle_minutes = Minutes without a key after which the session saves and ends (default 30)
cli-arg-tries = Wrong codes one connection may try before it is ended (default 3)
cli-arg-takeover_after = Seconds without a key after which a session holding the questionnaire may be taken over, as after a dropped link (default 120)
cli-value-minutes = MINUTES
kiosk-ask-code = Access code of your department (F2: italiano):
kiosk-ask-code-plain = Access code of your department:
code-shape = An access code has 16 letters and digits, in four groups of four (like K7QM-4XPD-9TWC-8HRN), with no 0, O, 1, I or L: check it in the invitation.
kiosk-welcome = Code accepted: { $name }. Opening the questionnaire…
kiosk-wrong-code = No department has this code. { $left ->
    [0] No tries left.
    [one] One try left.
   *[other] { $left } tries left.
}
kiosk-too-many-tries = Too many wrong codes: the connection ends. Check the code in the invitation and connect again.
kiosk-not-set-up = This kiosk is not set up: the research team must run, as this account, campo sync --setup --server URL --token TOKEN (a token made with campo serve token add NAME --kiosk).
kiosk-unreachable = The collection server cannot be reached to check the code ({ $problem }). Please try again in a few minutes.
kiosk-unreachable-plain = The collection server cannot check the code now. Please try again in a few minutes.
kiosk-open-elsewhere = Your department's questionnaire is open in another session right now. Close it there, or try again in a few minutes.
kiosk-idle = The session was idle and has ended; every answer is saved. Connect again to go on.
kiosk-sent = Your answers are saved and have reached the research team. Goodbye.
kiosk-not-sent = Your answers are saved here; they will reach the research team as soon as the server can be reached. Goodbye.
kiosk-refused = Your answers are saved here, but the research team's server did not take them: { $reason } Please write to the research team (the address is in the invitation) and tell them. Goodbye.
kiosk-nothing-answered = No answer was given, so nothing was sent. Connect again whenever you are ready. Goodbye.
key-take = t
does-take-over = take over
lock-held-idle = This response is open in another session ({ $holder }), left without a key for { $minutes } min: perhaps its connection dropped. t: take it over (that session saves and lets go) · r: read it · w: wait · Esc: back.
lock-taking-over = Taking it over: the other session saves and lets go…
notice-taken-over = Another session took this response over; every answer was saved first.
kiosk-taken-over = Your department's questionnaire was opened in another session, which took it over; every answer is saved. Goodbye.
kiosk-taking-over = The questionnaire was left open in a session without a key for a while (a dropped link?): taking it over…
plain-taken-over = Another session took this response over; every answer is saved. Goodbye.
plain-taking-over = This response was left open in another session without a key for a while (a dropped link?): taking it over; that session saves and lets go.
does-go-on = go on
codebook-date-as-text = in the XLSX, a date before 1900 (which a spreadsheet cannot hold) is written as text
cli-arg-letters = The research team's own letter in one language, as LANGUAGE=FILE (en=letter-en.txt); repeated, one for each language. In the text: {"{"}name{"}"}, {"{"}code{"}"}, {"{"}deadline{"}"}, {"{"}access{"}"} (the steps to get in, with the code), {"{"}title{"}"}. Without it, campo writes its own letter
cli-cmd-form = Check a form's logic: set answers and see what it asks
cli-cmd-form-try = Set answers in order and print the form's state (as ODK's engine reports it)
cli-arg-definition = The form: the name of one campo includes, a folder, or an XLSForm spreadsheet
cli-arg-answers = The answers, [["name", value], …], set in order (- reads them from standard input)
cli-arg-each = Print the state before the first answer and after each one
form-try-answers-unreadable = The answers in { $path } cannot be used: { $reason }
form-try-answers-shape = they must be a JSON list of steps, [["name", value], …]
form-try-step-shape = a step is ["name", value]
form-try-no-question = the form has no question named { $name }
form-try-takes-no-answer = { $name } takes no answer: it is a note, or worked out by the form
form-try-not-a-number = "{ $value }" is not a number
form-try-after = After
form-try-not-asked = (not asked)
form-try-required-missing = (required, not answered)
form-try-unanswered = (not answered)
form-try-note = (note)
cli-value-form = FORM
cli-value-answers = ANSWERS
cli-cmd-form-import = Make a campo form folder of an XLSForm (form.json and a Fluent file per language)
cli-arg-form-import-file = The XLSForm: .xlsx, .xls, .ods, or pyxform's .md
cli-arg-form-import-out = The folder to write (default: the file's name, here)
form-import-written = Form { $id }, version { $version }: { $questions ->
        [one] one question
       *[other] { $questions } questions
    } in { $sections ->
        [one] one section
       *[other] { $sections } sections
    }, written to { $dir }.
form-import-left-aside = sheet "{ $sheet }", row { $row }, column "{ $column }": left aside (it only shapes how other tools present a question)
form-import-unwritable = { $path } cannot be written: { $reason }
