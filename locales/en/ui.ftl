### campo's own interface (English).

## Dates: year-month-day, unambiguous for an international team.
datetime = { $year }-{ $month }-{ $day } { $hour }:{ $minute }

## Home screen and lists

home-count = { $count ->
    [one] { $count } response
   *[other] { $count } responses
}
home-empty = No responses yet. Press n to start one.
edit-no-drafts = No drafts to continue. To start a response: campo new
edit-choose = To continue one: campo edit ID (the first characters of its ID are enough).
left-saved = { $noun } { $id } saved ({ $status }, { $answered } of { $asked } answered).
    To go on: campo edit { $id }
noun-default = Response
list-empty = No responses yet. To start one: campo new
home-status = Status
home-progress = Answered
home-changed = Last change
home-unnamed = (no name yet)
home-id = Response { $id }
home-confirm-delete = Delete response { $id }? It goes to the data folder's trash (y yes, n no)
list-id = ID
status-draft = Draft
status-complete = Complete
status-damaged = Damaged
status-unknown-form = Unknown form

## Entering answers

question-counter = Question { $number } of { $count }
question-optional = optional
entry-note = Note
question-counter-so-far = Question { $number } of { $count } (so far)
section-progress = { $answered } of { $asked } answered
section-undecided = depends on answers
section-skipped = not applicable
hint-multi = Choose all that apply.
filter = Filter:
options-above = more options above
options-below = more options below
filter-no-match = No option matches the filter. Backspace deletes a character, Esc clears the filter.
word-count = { $count ->
    [one] { $count } word
   *[other] { $count } words
}
word-count-max = { $count }/{ $max } words
number-note = A number; decimals after a point.
number-note-whole = A whole number.
date-note = yyyy-mm-dd, or dd/mm/yyyy
reason-title = Why the answer is right (Enter confirms)
text-count = { $count ->
    [one] { $count } character
   *[other] { $count } characters
}
text-count-max = { $count } of { $max } characters

## Review

review-title = Review · { $status } · { $answered } of { $asked } answered
review-missing = Not answered: required
review-unanswered = Not answered
review-reason = Reason given: { $reason }
show-header = Response { $id } · { $status } · { $answered } of { $asked } answered · last change { $updated }
show-calculated = (worked out by the form)

## Notices

notice-save-failed = Not saved: { $reason } Your answers are kept here; campo tries again at the next change.
notice-unsaved-quit = Your last answers are not saved: { $reason } Free some space and change an answer to try again, or press Ctrl-C again to quit: campo will write them to a file in { $dir } and say where.
notice-unsaved-leave = Your last answers are not saved: { $reason } Free some space and change an answer to try again, or press Esc again to leave: campo will write them to a file in { $dir } and say where.
notice-rescued = Your unsaved answers were written to { $path }.
notice-field-full = This answer takes at most { $max } characters: the rest was not typed in.
notice-paste-cut = { $count ->
    [one] One pasted character was left out
   *[other] { $count } pasted characters were left out
}: past the answer's limit, or control characters.
notice-nowhere-to-paste = Nothing was pasted: pasting works in text answers and in the search of a list.
notice-locked = This answer comes from the list of departments and is not changed here: if it is wrong, tell the research team.
entry-from-list = From the list of departments: not changed here. Enter goes on.
notice-not-utf8 = The terminal sent a character that is not UTF-8: it was not typed in. Set the terminal to UTF-8 (in PuTTY: Window, Translation), or start campo with LANG set to the terminal's encoding.
notice-digit-pending = { $digit }_  another digit straight away picks { $first } to { $last } instead; otherwise { $digit } stays.
notice-reopened = The response is a draft again: mark it complete in the review when it is ready.
notice-marked-complete = { $noun } marked complete. Thank you!
notice-missing = { $count ->
    [one] One answer is missing or not valid: it is marked with !
   *[other] { $count } answers are missing or not valid: they are marked with !
}
notice-unknown-form = This response belongs to form "{ $form }", version { $version }, which this installation of campo does not know.
notice-other-bundled-form = This response is of the form "{ $form }", version { $version }, which comes with campo: open it with campo --form { $form }.
notice-deleted = Response moved to the trash folder.
notice-counting = Counting the complete responses…

## Validation

problem-required-choice = An answer is required: choose with Space or the option's number, or move to it with ↑ ↓ and press Enter.
problem-required = An answer is required.
problem-too-short = { $min ->
    [one] Write at least { $min } character.
   *[other] Write at least { $min } characters.
}
problem-too-long = { $max ->
    [one] Write at most { $max } character.
   *[other] Write at most { $max } characters.
}
problem-not-an-option = "{ $code }" is not one of the options.
problem-control-characters = The answer holds control characters (such as terminal escape codes): only printable characters, and line breaks in a long text, are accepted.
problem-wrong-type = The answer is not of the right kind for this question.
problem-too-few-words = { $min ->
    [one] Write at least { $min } word.
   *[other] Write at least { $min } words.
}
problem-too-many-words = { $max ->
    [one] Write at most { $max } word.
   *[other] Write at most { $max } words.
}
problem-not-a-number = Type a number, with a point for decimals (for example 3.5) and no thousands separator.
problem-not-whole = Type a whole number, without decimals.
problem-too-small = The smallest accepted value is { $min }.
problem-too-large = The largest answer taken is { $max }.
problem-not-a-date = Type a date as yyyy-mm-dd (for example 2025-03-31) or dd/mm/yyyy.
problem-too-early = The date cannot be before { $min }.
problem-too-late = The date cannot be after { $max }.
problem-in-the-future = The date cannot be in the future.
problem-not-an-email = Type an e-mail address, such as name@example.org.
problem-not-a-phone = Type a phone number: digits (spaces between them are fine), with a leading + for the country code if needed (6 to 15 digits).
problem-not-alone = "{ $option }" cannot be chosen together with other answers.
problem-repeated = The option "{ $option }" is chosen twice.
problem-not-allowed = This answer is not allowed.
problem-unconfirmed = { $message } If it is right, say briefly why.
problem-specify = Specify "Other": { $problem }
problem-specify-required = Specify "Other": it is required.
document-unknown-item = "{ $item }" is not an item of this form.
document-bad-reason = the reason kept for "{ $item }" is not valid: the item has no soft check, or the reason is longer than 300 characters or holds control characters.
document-not-asked = "{ $item }" is answered but not asked with these answers.
document-invalid = "{ $item }": { $problem }

## Keys

key-enter = Enter
key-space = Space
key-del = Del
key-shift-tab = Shift-Tab
key-pgdn = PgDn
key-pgup = PgUp
key-home = Home
key-end = End
key-read = r
key-wait = w
key-yes = y
key-no = n
does-switch-language = italiano
does-help = keys
does-save-quit = save and quit
does-next-question = next question
does-previous-question = previous question
does-next-section = next section
does-previous-section = previous section
does-review = review
does-back-home = back to the list (all is saved)
does-back = back
does-move = move
does-new = new
does-open = open
does-delete = delete
does-quit = quit
does-confirm-delete = delete
does-keep = keep it
does-choose = choose
does-pick = choose the option with that number
does-confirm = confirm
does-clear = clear the answer
does-leave-text = back to the options
does-change-answer = change
does-mark-complete = mark complete
does-close-help = close
help-title = Keys
help-saved = Every answer is saved at once. Tab and PgDn move on past a missing answer: only marking complete needs them all.
help-digits = from 10 on, both digits quickly (1 then 3: 13)

## Screen size

too-small = The window is too small: campo needs at least { $width }×{ $height } characters, and it is { $current_width }×{ $current_height }. Enlarge it.

## Files and errors

io-not-found = the file or folder does not exist.
io-permission-denied = permission denied.
io-not-text = not a UTF-8 text file.
io-no-space = the disk is full.
io-read-only = the disk is read-only.
io-not-a-file = not a regular file (a folder, a pipe or a device): skipped.
io-link = a symbolic link: campo does not follow links here, so it is skipped.
io-too-large = larger than { $megabytes } MB, the most campo reads: skipped.
io-other = system error: { $detail }
damage-empty = the file is empty.
damage-truncated = the file ends in the middle of the data (it may have been cut short).
damage-not-json = not valid JSON (line { $line }, column { $column }).
damage-missing-key = the key "{ $key }" is missing.
damage-wrong-shape = JSON, but not a campo response (line { $line }, column { $column }).
damage-newer-format = written by a newer campo (format { $format }): update campo to open it.
damage-misnamed = the response inside has ID { $id }, which does not match the file name.
store-damaged = Damaged file { $path }: { $reason } It is left untouched.
store-io = Cannot use { $path }: { $reason }
store-stale = Not written: { $path } already holds a later version (revision { $on_disk }, this one is { $ours }), saved by another session. It is kept as it is.
store-locked = Someone else has this response open ({ $holder }): try again when they have closed it.
store-no-such-response = No response has the ID "{ $id }".
store-ambiguous = { $count ->
    [one] One response has
   *[other] { $count } responses have
} an ID starting with "{ $prefix }": give more characters.
no-data-dir = Cannot find a data folder for this account: give one with --data-dir or CAMPO_DATA_DIR.
no-terminal = campo needs a terminal for its interface, and this input or output is not one. Use campo list or campo show to read responses without it.
after-panic = campo stopped because of an error in campo itself. Every answer given was already saved, in { $dir }: run campo again to go on.
terminal-failed = The terminal stopped working: { $reason }
form-refused = The form cannot be used: { $reason }
form-error-syntax = the definition is not valid (line { $line }, column { $column }): { $detail }
form-error-unreadable = cannot read { $path }: { $reason }
form-error-messages = the messages in { $file } do not parse: { $detail }
form-error-no-sections = the definition has no sections.
form-error-empty-section = section "{ $section }" has no items.
form-error-duplicate-section = section "{ $section }" is defined twice.
form-error-duplicate-item = item "{ $item }" is defined twice.
form-error-duplicate-option = item "{ $item }" has option "{ $code }" twice.
form-error-no-options = choice item "{ $item }" has no options.
form-error-options-on-text = text item "{ $item }" has options.
form-error-ordinal-not-single = item "{ $item }" is marked ordinal, which only a single choice can be.
form-error-text-rules-on-choice = choice item "{ $item }" has text rules (multiline or lengths).
form-error-length-range = item "{ $item }" has a minimum length above its maximum.
form-error-key-not-for-type = item "{ $item }" has "{ $key }", which its type does not take.
form-error-bad-bound = item "{ $item }" has a "{ $key }" of the wrong kind: a number for integer and decimal (a whole one for integer), a date written yyyy-mm-dd for date.
form-error-exclusive-not-multi = option "{ $code }" of item "{ $item }" is marked exclusive, which only a multiple choice's options can be.
form-error-condition-not-number = a condition of item "{ $item }" compares "{ $refers }" with a number, but it is not an integer or decimal item.
form-error-condition-unknown-item = the condition of item "{ $item }" refers to "{ $refers }", which is not an item before it.
form-error-condition-later-item = the condition of item "{ $item }" refers to itself.
form-error-expression = the expression of item "{ $item }", { $expression }, cannot be read: { $problem }.
expression-unexpected = "{ $found }" where it was not expected (character { $at })
expression-unexpected-end = it ends before it is complete
expression-unclosed-text = a text opened at character { $at } is never closed
expression-unknown-function = campo does not know the function { $name }()
expression-wrong-arity = { $name }() takes { $expected } arguments, not { $found }
expression-arity-between = { $least } to { $most }
expression-arity-at-least = at least { $least }
xlsform-error = sheet "{ $sheet }", row { $row }, column "{ $column }": { $problem }
xlsform-unreadable = the file cannot be read: { $reason }
xlsform-not-a-spreadsheet = the file is not a spreadsheet campo can read (.xlsx, .xls, .ods, or pyxform's .md)
xlsform-no-survey = the form has no "survey" sheet
xlsform-no-type = the sheet has no "type" column
xlsform-unsupported-type = campo does not run questions of type "{ $type }" yet
xlsform-unsupported-column = campo does not run this column yet, and it changes what is asked or kept
xlsform-unsupported-language = campo's forms are in English (en) and Italian (it), not "{ $code }"
xlsform-missing-name = the name is missing
xlsform-duplicate-name = the name "{ $name }" is used twice
xlsform-missing-label = the question has no label
xlsform-missing-calculation = a calculate needs its calculation
xlsform-unknown-list = the "choices" sheet has no list "{ $list }"
xlsform-empty-list = the list "{ $list }" has no choices
xlsform-unbalanced-group = the groups do not close as they open
xlsform-unsupported-sheet = campo does not run this sheet yet, and it changes what is kept
xlsform-label-reference = campo does not fill in ${"{"}…{"}"} here yet (only in questions' labels and hints)
xlsform-invalid-name = "{ $name }" is not a name ODK takes: a letter or _ first, then letters, digits, _, . or -
xlsform-unknown-reference = ${"{"}{ $name }{"}"} names no question of the form
form-error-condition-unknown-option = the condition of item "{ $item }" refers to option "{ $code }", which item "{ $refers }" does not have.
form-error-specify-unknown-item = item "{ $item }" specifies "{ $refers }", which is not an item before it.
form-error-specify-unknown-option = item "{ $item }" specifies option "{ $code }", which item "{ $refers }" does not have.
form-error-specify-not-text = item "{ $item }" specifies another item's option, so it must be a text item.
form-error-calculate-without-calculation = item "{ $item }" is a calculate, so it needs a "calculation" to work out.
form-error-derived-unknown-item = derived value "{ $derived }" comes from "{ $refers }", which is not an item.
form-error-derived-unknown-option = derived value "{ $derived }" maps option "{ $code }", which its item does not have.
form-error-summary-unknown-item = the summary names "{ $item }", which is not an item.
form-error-missing-message = the message "{ $id }" is missing in language "{ $lang }".

## Sync from the interface

home-sync = Sync
sync-state-not-sent = to send
sync-state-sent = sent
sync-state-changed = changed
sync-state-refused = refused
sync-state-withdrawn = withdrawn
does-sync = sync
does-repaint = redraw the screen
does-auto-advance = auto-advance on/off
notice-auto-advance-on = Auto-advance on: a digit answers a single choice and moves on.
notice-auto-advance-off = Auto-advance off.
does-first = to the first
does-last = to the last
does-page-down = page down
does-page-up = page up
does-close = close
sync-title = Sending to the server
sync-retrying-short = No answer yet ({ $problem }): trying again…

## The report screen

does-report = results
does-next-item = next
does-previous-item = previous
does-scroll-down = scroll down
does-scroll-up = scroll up
report-more-below = { $count ->
    [one] One more row below: Space
   *[other] { $count } more rows below: Space
}
report-more-above = { $count ->
    [one] 1 row above: b
   *[other] { $count } rows above: b
}
report-screen-title = Results · { $count ->
    [one] one complete response
   *[other] { $count } complete responses
} · question { $number } of { $items }
report-screen-empty = The form has no items.
report-screen-asked = Asked in { $asked } · not applicable in { $na }

## Plain line mode (campo --plain)

plain-hint-single = Type the number of one option, or part of its name.
plain-hint-multi = Type the numbers (or parts of the names) of all that apply, separated by commas.
plain-hint-text = { $multiline ->
    [yes] Type the answer on one line (a new line cannot be started here).
   *[no] Type the answer on one line.
}
plain-hint-words = { $multiline ->
    [yes] Type the answer on one line (a new line cannot be started here): at most { $max } words.
   *[no] Type the answer on one line: at most { $max } words.
}
plain-hint-number = { $whole ->
    [yes] Type a whole number.
   *[no] Type a number, with a point for decimals.
}
plain-hint-number-unit = { $whole ->
    [yes] Type a whole number ({ $unit }).
   *[no] Type a number ({ $unit }), with a point for decimals.
}
plain-hint-date = Type the date as yyyy-mm-dd or dd/mm/yyyy.
plain-hint-note = Press Enter to go on.
plain-note-no-answer = This is a note: there is nothing to answer. Press Enter to go on.
plain-reason-prompt = Type a short reason to keep this answer, or - to change it.
plain-reason-none = No reason given: the answer stays to be confirmed or changed.
plain-reason-kept = Reason recorded.
plain-optional = (optional)
plain-current = Current answer: { $answer }. An empty line keeps it.
plain-help = Commands: ? help · < previous · > next · - clear the answer · :lang it or :lang en · :review · :complete · :quit. Every answer is saved as soon as it is given.
plain-end = End of the questionnaire. Type :review to check it, :complete to mark it complete, < to go back, :quit to leave.
plain-unsaved-quit = Your last answers are not saved (see above). Free some space and answer again to retry, or type :quit again to leave: campo will then write them to a file of their own and say where.
unsaved-rescued = campo: your last answers could not be saved in the data folder ({ $reason }). They were written to { $path }: keep that file, and copy it into the data folder's responses/ when there is room again.
unsaved-printed = campo: your last answers could not be saved in the data folder ({ $reason }), nor in a file of their own ({ $failure }). Here they are, whole: copy them into a file named after the ID, in the data folder's responses/.
plain-not-utf8 = That line has characters that are not UTF-8, so it was not taken: set the terminal to UTF-8 and type it again.
plain-recorded = Recorded: { $answer }
plain-help-filterable = Type the number of a region, or part of its name ("tosc", "friuli").
plain-unknown-lang = "{ $lang }" is not a language campo speaks: use :lang it or :lang en.
plain-home = To fill in a questionnaire line by line: campo --plain new, or campo --plain edit ID.

## Two sessions, one response

lock-title = Open in another session
lock-held = Someone is editing this response in another session ({ $holder }). r: read it without changing it · w: wait until it is free, then edit · Esc: back.
lock-holder = user { $user }, process { $pid }
lock-holder-process = process { $pid }
lock-waiting = Waiting for the other session to close this response; it opens here, for editing, as soon as it does. Esc stops waiting.
does-read-only = read only
does-wait = wait
notice-read-only = Read only: another session is editing this response.
notice-now-editable = The other session closed it: you can edit now.

plain-locked = Someone is editing this response in another session ({ $holder }): try again when it is closed, or read it with campo show.
