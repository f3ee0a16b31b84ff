//! Reading a response file: each key straight into its field, and any key
//! campo does not know kept as it is. (serde's `flatten` would do the same
//! by buffering the whole document first, which made reading 100,000
//! files take seconds.)

use std::collections::{BTreeMap, BTreeSet};

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};

use super::document::{FORMAT_VERSION, Response};

impl<'de> Deserialize<'de> for Response {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Response, D::Error> {
        deserializer.deserialize_map(ResponseVisitor)
    }
}

struct ResponseVisitor;

/// Sets a field once: a key twice in one document is an error, as serde's
/// derived readers have it.
fn once<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    slot: &mut Option<T>,
    key: &'static str,
    map: &mut A,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(key));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

impl<'de> Visitor<'de> for ResponseVisitor {
    type Value = Response;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a campo response")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Response, A::Error> {
        let (mut id, mut form, mut status, mut created, mut updated) =
            (None, None, None, None, None);
        let (mut lang, mut answers, mut format, mut revision) = (None, None, None, None);
        let (mut derived, mut position, mut entered_by, mut unit) = (None, None, None, None);
        let (mut prefilled, mut sync, mut reasons) = (None, None, None);
        let mut other_keys = BTreeMap::new();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "id" => once(&mut id, "id", &mut map)?,
                "form" => once(&mut form, "form", &mut map)?,
                "status" => once(&mut status, "status", &mut map)?,
                "created" => once(&mut created, "created", &mut map)?,
                "updated" => once(&mut updated, "updated", &mut map)?,
                "lang" => once(&mut lang, "lang", &mut map)?,
                "answers" => once(&mut answers, "answers", &mut map)?,
                "format" => once(&mut format, "format", &mut map)?,
                "revision" => once(&mut revision, "revision", &mut map)?,
                "derived" => once(&mut derived, "derived", &mut map)?,
                "position" => once(&mut position, "position", &mut map)?,
                "entered_by" => once(&mut entered_by, "entered_by", &mut map)?,
                "unit" => once(&mut unit, "unit", &mut map)?,
                "prefilled" => once(&mut prefilled, "prefilled", &mut map)?,
                "sync" => once(&mut sync, "sync", &mut map)?,
                "reasons" => once(&mut reasons, "reasons", &mut map)?,
                _ => {
                    other_keys.insert(key, map.next_value::<serde_json::Value>()?);
                }
            }
        }
        let required = |key: &'static str| de::Error::missing_field(key);
        Ok(Response {
            id: id.ok_or_else(|| required("id"))?,
            form: form.ok_or_else(|| required("form"))?,
            status: status.ok_or_else(|| required("status"))?,
            created: created.ok_or_else(|| required("created"))?,
            updated: updated.ok_or_else(|| required("updated"))?,
            lang: lang.ok_or_else(|| required("lang"))?,
            answers: answers.ok_or_else(|| required("answers"))?,
            format: format.unwrap_or(FORMAT_VERSION),
            revision: revision.unwrap_or_default(),
            derived: derived.unwrap_or_default(),
            position: position.flatten(),
            entered_by: entered_by.flatten(),
            unit: unit.flatten(),
            prefilled: prefilled.unwrap_or_else(BTreeSet::new),
            reasons: reasons.unwrap_or_default(),
            sync: sync.flatten(),
            other_keys,
        })
    }
}
