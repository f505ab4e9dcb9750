//! The PORT, EPRT and LPRT argument parsers on arbitrary bytes: they never panic, never give
//! port 0, and an address they read is written back by the command writer and read again as
//! the same address.
#![no_main]

use ftp_codes::command;
use ftp_codes::reply::{ParseOptions, Status};
use ftp_codes::write::{WriteOptions, Writer};
use libfuzzer_sys::fuzz_target;

fn reread(written: &[u8]) -> Vec<u8> {
    let Ok(Status::Complete((line, _))) = command::parse(written, &ParseOptions::strict()) else {
        panic!("the writer wrote a line the framer refuses: {written:?}");
    };
    line.argument().to_vec()
}

fuzz_target!(|data: &[u8]| {
    let mut buf = [0u8; 256];
    if let Ok(address) = command::port(data) {
        assert_ne!(address.port(), 0);
        let mut out = Writer::new(&mut buf, WriteOptions::default());
        out.port(address)
            .expect("a parsed PORT address can be written");
        assert_eq!(command::port(&reread(out.written())), Ok(address));
    }
    if let Ok(address) = command::eprt(data) {
        assert_ne!(address.port(), 0);
        let mut out = Writer::new(&mut buf, WriteOptions::default());
        out.eprt(address)
            .expect("a parsed EPRT address can be written");
        assert_eq!(command::eprt(&reread(out.written())), Ok(address));
    }
    if let Ok(address) = command::lprt(data) {
        assert_ne!(address.port(), 0);
        let mut out = Writer::new(&mut buf, WriteOptions::default());
        out.lprt(address)
            .expect("a parsed LPRT address can be written");
        assert_eq!(command::lprt(&reread(out.written())), Ok(address));
    }
});
