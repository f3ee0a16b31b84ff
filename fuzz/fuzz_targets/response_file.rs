//! Any bytes as a response file: parsed or refused with a reason, never a
//! panic; what parses, the form engine can take.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(response) = campo::store::Response::from_json(data) {
        // The national survey and a form with every typed kind, exclusive
        // options and checks across answers.
        let forms = [
            campo::package::FormPackage::bundled(),
            campo::package::FormPackage::bundled_named("abstract-bologna").expect("bundled"),
        ]
        .map(|package| package.form().expect("the bundled forms load"));
        let typed = campo::form::Form::from_json(include_str!(
            "../../tests/fixtures/typed-form/form.json"
        ))
        .expect("the typed form loads");
        for form in forms.iter().chain([&typed]) {
            let _ = form.check_document(&response.answers, &response.reasons, true);
            let _ = form.progress(&response.answers);
            let _ = form.without_skipped(&response.answers);
        }
        let _ = response.to_json();
    }
});
