//! Any text as a form definition: loaded or refused with a named problem,
//! never a panic; a form that loads can be walked.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(form) = campo::form::Form::from_json(text) {
        let answers = campo::form::Answers::new();
        let asked = form.asked(&answers);
        let mut at = form.first_question(&asked);
        while let Some(item) = at {
            let _ = form.check_answer(item, None);
            at = form.next_question(&asked, item);
        }
        let _ = form.message_ids();
    }
});
