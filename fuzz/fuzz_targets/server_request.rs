//! Any path id and body as a `PUT /v1/responses/{id}`: checked and either
//! accepted or refused, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (String, Vec<u8>)| {
    let (id, body) = input;
    let forms = vec![
        campo::package::FormPackage::bundled()
            .form()
            .expect("the bundled form loads"),
    ];
    let _ = campo::server::check::check(&forms, &id, &body);
});
