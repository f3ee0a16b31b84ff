//! Any text as a form definition: loaded or refused with a named problem,
//! never a panic; a form that loads can be walked, and answered with
//! numbers, dates, texts and choices that its checks then judge.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(form) = campo::form::Form::from_json(text) {
        use campo::form::value::Convention;
        let mut answers = campo::form::Answers::new();
        let asked = form.asked(&answers);
        let mut at = form.first_question(&asked);
        while let Some(item) = at {
            let _ = form.check_answer(item, None);
            at = form.next_question(&asked, item);
        }
        let _ = form.message_ids();
        // Every item answered in turn, the way the interface would.
        for (position, item) in form.items.iter().enumerate() {
            let answer = if item.is_typed() {
                let typed = ["60", "3,5", "29/02/2024", "dell'ASL di Bologna"][position % 4];
                form.typed_answer(position, typed, Convention::ITALIAN)
            } else {
                let codes = item
                    .options()
                    .iter()
                    .fold(Vec::new(), |codes, option| item.with_chosen(&codes, &option.code));
                codes.last().map(|code| match &item.kind {
                    campo::form::ItemKind::Multi { .. } => campo::form::Answer::Many(codes.clone()),
                    _ => campo::form::Answer::One(code.clone()),
                })
            };
            if let Some(answer) = answer {
                let _ = form.typed_text(position, &answer, Convention::ENGLISH);
                answers.insert(item.id.clone(), answer);
            }
        }
        let reasons = campo::form::Reasons::new();
        let _ = form.problems(&answers, &reasons);
        let _ = form.check_document(&answers, &reasons, true);
    }
});
