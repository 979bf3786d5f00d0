//! Raw messages are stored compressed when that pays.
//!
//! A company's years of mail are mostly text (headers, quoted replies, base64 of documents),
//! which zstd shrinks three to four times; stored as is, the bytes of the raw messages were
//! most of the database and most of what each batch wrote to the WAL and each checkpoint
//! copied. The `size` column keeps the original length, so no format flag is needed: bytes
//! shorter than `size` are a zstd frame, bytes of exactly `size` are the message itself
//! (every row stored before compression, and messages that do not shrink). The SHA-256 is
//! always that of the original bytes.

use crate::{Result, StoreError};
use std::borrow::Cow;
use std::cell::RefCell;

/// zstd's fastest levels compress text about as well as its default at twice the speed.
const LEVEL: i32 = 1;
/// Smaller messages are stored as is: the frame's header eats most of the gain.
const MIN_SIZE: usize = 512;

thread_local! {
    // A context per thread, made once: making one per message was 4 % of an ingest's CPU.
    // With the frame's checksum, damaged bytes are an error when read, not another message.
    static COMPRESSOR: RefCell<Option<zstd::bulk::Compressor<'static>>> =
        RefCell::new(zstd::bulk::Compressor::new(LEVEL).and_then(|mut c| {
            c.include_checksum(true)?;
            Ok(c)
        }).ok());
    static DECOMPRESSOR: RefCell<Option<zstd::bulk::Decompressor<'static>>> =
        RefCell::new(zstd::bulk::Decompressor::new().ok());
}

/// The bytes to store for `raw`: a zstd frame when it is at least an eighth smaller.
pub(crate) fn pack(raw: &[u8]) -> Cow<'_, [u8]> {
    if raw.len() < MIN_SIZE {
        return Cow::Borrowed(raw);
    }
    let packed = COMPRESSOR.with(|c| match &mut *c.borrow_mut() {
        Some(c) => c.compress(raw),
        None => Err(std::io::Error::other("no zstd context")),
    });
    match packed {
        Ok(z) if z.len() <= raw.len() - raw.len() / 8 => Cow::Owned(z),
        _ => Cow::Borrowed(raw),
    }
}

/// The original bytes of a message stored as `stored` with original length `size`;
/// `what` names it in the error when the stored bytes cannot be the message.
pub(crate) fn unpack(stored: Vec<u8>, size: i64, what: &str) -> Result<Vec<u8>> {
    let corrupt = |reason: String| StoreError::corrupt(format!("raw message {what}"), reason);
    let size = usize::try_from(size).map_err(|_| corrupt(format!("size {size}")))?;
    if stored.len() == size {
        return Ok(stored);
    }
    if stored.len() > size {
        return Err(corrupt(format!(
            "{} bytes stored for a message of {size}",
            stored.len()
        )));
    }
    let raw = DECOMPRESSOR
        .with(|d| match &mut *d.borrow_mut() {
            Some(d) => d.decompress(&stored, size),
            None => Err(std::io::Error::other("no zstd context")),
        })
        .map_err(|e| corrupt(format!("not a zstd frame of {size} bytes: {e}")))?;
    if raw.len() != size {
        return Err(corrupt(format!(
            "{} bytes unpacked, {size} expected",
            raw.len()
        )));
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_packed_and_unpacked_exactly() {
        let raw: Vec<u8> = "Subject: 【需求对接】Q4活动数据-数据部-重要\r\n\r\n李经理，您好！\r\n"
            .repeat(40)
            .into_bytes();
        let packed = pack(&raw);
        assert!(
            packed.len() < raw.len() / 4,
            "{} of {}",
            packed.len(),
            raw.len()
        );
        assert_eq!(
            unpack(packed.into_owned(), raw.len() as i64, "x").unwrap(),
            raw
        );
    }

    #[test]
    fn small_or_incompressible_messages_are_kept_as_is() {
        let small = b"Subject: hi\r\n\r\nok\r\n".to_vec();
        assert!(matches!(pack(&small), Cow::Borrowed(_)));
        // Bytes zstd cannot shrink (a pseudo-random sequence), however large.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        assert!(matches!(pack(&noise), Cow::Borrowed(_)));
        assert_eq!(
            unpack(noise.clone(), noise.len() as i64, "x").unwrap(),
            noise
        );
    }

    #[test]
    fn damaged_bytes_are_an_error_not_a_panic() {
        let raw = "回复：收到，周五前提供。\r\n".repeat(100).into_bytes();
        let mut packed = pack(&raw).into_owned();
        let n = packed.len();
        packed[n / 2] ^= 0xff;
        packed.truncate(n - 3);
        let e = unpack(packed, raw.len() as i64, "abc")
            .unwrap_err()
            .to_string();
        assert!(e.contains("abc"), "{e}");
        assert!(unpack(vec![0; 10], 5, "abc").is_err());
    }
}
