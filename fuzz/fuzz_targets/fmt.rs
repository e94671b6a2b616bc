//! Formatting is idempotent and keeps the model's meaning (the property of
//! tests/fmt.rs and tests/bad_input.rs, on arbitrary text).
#![no_main]

use libfuzzer_sys::fuzz_target;
use zan::document::Document;

fuzz_target!(|text: &str| {
    let doc = Document::parse(text.to_string());
    let Some(once) = doc.formatted() else { return };
    let again = Document::parse(once.clone());
    assert_eq!(again.formatted().as_deref(), Some(once.as_str()), "not idempotent");
    assert_eq!(again.model.meaning(), doc.model.meaning(), "formatting changed the meaning");
});
