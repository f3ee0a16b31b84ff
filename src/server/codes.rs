//! Personal access codes: one per unit of the frame, to be read out on the
//! phone and typed without confusion (`K7QM-4XPD-9TWC-8HRN`: no 0/O, no
//! 1/I/L), 16 characters of 31 = 79 bits, stored only as their SHA-256.
//! Issuing a unit's code again replaces the old one.

use sha2::{Digest, Sha256};

/// The characters a code is made of: digits and capitals that cannot be
/// taken for one another.
const ALPHABET: &[u8; 31] = b"23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const GROUPS: usize = 4;
const GROUP: usize = 4;

/// A new random code, in groups of four.
pub fn generate() -> String {
    let mut picked = Vec::with_capacity(GROUPS * GROUP);
    while picked.len() < GROUPS * GROUP {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).expect("the system's random source works");
        // 248 = 8 × 31: bytes above it are dropped, so every character is
        // equally likely.
        picked.extend(
            bytes
                .iter()
                .filter(|&&b| b < 248)
                .map(|&b| ALPHABET[usize::from(b) % ALPHABET.len()]),
        );
    }
    picked.truncate(GROUPS * GROUP);
    picked
        .chunks(GROUP)
        .map(|g| String::from_utf8(g.to_vec()).expect("ASCII"))
        .collect::<Vec<_>>()
        .join("-")
}

/// A code as typed, made canonical: capitals, no spaces or dashes; the
/// letters people confuse with digits read as the digits they look like
/// would be (O→0 is not in the alphabet, so it stays wrong).
pub fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Whether what was typed can be a code at all: sixteen characters of the
/// alphabet once made canonical. One that cannot is refused where it is
/// typed, without asking the server, so that a typo of the wrong length
/// costs none of the hour's guesses (shared by everyone behind one NAT).
pub fn could_be_a_code(typed: &str) -> bool {
    let code = normalise(typed);
    code.len() == GROUPS * GROUP && code.bytes().all(|b| ALPHABET.contains(&b))
}

/// What is stored: the SHA-256 of the canonical code.
pub fn hash(typed: &str) -> String {
    hex::encode(Sha256::digest(normalise(typed).as_bytes()))
}

/// How many bits a code carries.
pub fn bits() -> f64 {
    (GROUPS * GROUP) as f64 * (ALPHABET.len() as f64).log2()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// P7: a code of the wrong length or alphabet is known to be wrong
    /// without asking anyone.
    #[test]
    fn only_sixteen_characters_of_the_alphabet_could_be_a_code() {
        let code = generate();
        assert!(could_be_a_code(&code));
        assert!(could_be_a_code(&code.to_lowercase().replace('-', " ")));
        assert!(!could_be_a_code("1234"));
        assert!(!could_be_a_code(&format!("{code}X")));
        // O and 1 are never in a code.
        assert!(!could_be_a_code("O234-5678-9ABC-DEFG"));
    }

    #[test]
    fn codes_can_be_read_out_and_typed_back() {
        let code = generate();
        assert_eq!(code.len(), 19);
        assert_eq!(code.matches('-').count(), 3);
        assert!(
            !code.contains(['0', 'O', '1', 'I', 'L']),
            "nothing to confuse: {code}"
        );
        assert_ne!(generate(), code);
        // Typed in lower case, with spaces for dashes: the same code.
        let typed = code.to_lowercase().replace('-', " ");
        assert_eq!(hash(&typed), hash(&code));
        assert!(bits() >= 60.0, "{} bits", bits());
    }
}
