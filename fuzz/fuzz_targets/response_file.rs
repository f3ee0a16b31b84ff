//! Any bytes as a response file: parsed or refused with a reason, never a
//! panic; what parses, the form engine can take.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(response) = campo::store::Response::from_json(data) {
        let form = campo::package::FormPackage::bundled()
            .form()
            .expect("the bundled form loads");
        let _ = form.check_document(&response.answers, true);
        let _ = form.progress(&response.answers);
        let _ = form.without_skipped(&response.answers);
        let _ = response.to_json();
    }
});
