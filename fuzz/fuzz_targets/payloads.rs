//! Every payload parser on arbitrary reply text: they must never panic.
#![no_main]

use ftp_codes::payload;
use ftp_codes::reply::{self, ParseOptions, Status};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut rest = data;
    while let Ok(Status::Complete((reply, used))) = reply::parse(rest, &ParseOptions::lenient()) {
        let _ = payload::pasv(&reply);
        let _ = payload::lpsv(&reply);
        let _ = payload::epsv(&reply);
        let _ = payload::size(&reply);
        let _ = payload::mdtm(&reply).map(|t| t.to_string());
        let _ = payload::transfer_size(&reply);
        let _ = payload::minutes(&reply);
        let _ = payload::mark(&reply);
        if let Ok(features) = payload::features(&reply) {
            for feature in features {
                let _ = (feature.name(), feature.params());
            }
        }
        if let Ok(name) = payload::pathname(&reply) {
            let mut buf = [0u8; 64];
            let _ = name.copy_to(&mut buf);
            assert_eq!(name.len(), name.chunks().map(<[u8]>::len).sum::<usize>());
        }
        rest = &rest[used..];
    }
});
