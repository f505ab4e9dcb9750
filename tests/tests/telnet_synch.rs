//! The Telnet Synch before ABOR as real kernels deliver it. BSD, netkit and inetutils clients
//! send `IAC IP IAC` as urgent data (`send(..., MSG_OOB)`), then `DM ABOR\r\n` (RFC 959
//! §4.1.3). The sender here is Python's socket module doing exactly that; the receiver is a
//! real socket on loopback, read as a server reads it, and framed with `command::parse`.

use ftp_codes::command;
use ftp_codes::reply::{ParseOptions, Status};
use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::process::{Command, Stdio};
use std::time::Duration;

/// The netkit `abort` sequence, then NOOP, sent by Python to `port`.
const SENDER: &str = r#"
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.send(b"\xff\xf4\xff", socket.MSG_OOB)
time.sleep(0.05)
s.send(b"\xf2ABOR\r\nNOOP\r\n")
time.sleep(0.2)
s.close()
"#;

/// What the server reads, until the sender closes: at most 64 bytes, one second.
fn received(inline: bool) -> Vec<u8> {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("address").port();
    let mut sender = Command::new("python3")
        .args(["-c", SENDER, &port.to_string()])
        .stdin(Stdio::null())
        .spawn()
        .expect("python3 runs (the README's test command needs it)");
    let (stream, _) = listener.accept().expect("accept");
    let socket = socket2::Socket::from(stream);
    socket.set_out_of_band_inline(inline).expect("SO_OOBINLINE");
    let mut stream = TcpStream::from(socket);
    stream
        .set_read_timeout(Some(Duration::from_secs(1)))
        .expect("timeout");
    let mut bytes = Vec::new();
    let mut buf = [0u8; 64];
    while bytes.len() < 64 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => bytes.extend_from_slice(&buf[..n]),
        }
    }
    let _ = sender.wait();
    bytes
}

/// The command lines in `bytes`: each verb and whether a Telnet interrupt came before it.
fn frame(mut bytes: &[u8]) -> Vec<(Vec<u8>, bool)> {
    let mut lines = Vec::new();
    for _ in 0..8 {
        match command::parse(bytes, &ParseOptions::strict()) {
            Ok(Status::Complete((line, used))) => {
                lines.push((line.verb().to_vec(), line.telnet_interrupt()));
                bytes = &bytes[used..];
            }
            Ok(Status::Partial) => break,
            Err(error) => panic!("{error} in {bytes:x?}"),
        }
    }
    lines
}

#[test]
fn the_urgent_iac_taken_out_by_the_kernel_still_frames_as_abor() {
    // Without SO_OOBINLINE the kernel keeps the last urgent byte (the second IAC) out of band.
    let bytes = received(false);
    assert!(bytes.starts_with(b"\xff\xf4\xf2ABOR\r\n"), "{bytes:x?}");
    assert_eq!(
        frame(&bytes),
        [(b"ABOR".to_vec(), true), (b"NOOP".to_vec(), false)]
    );
}

#[test]
fn the_whole_synch_inline_frames_as_abor() {
    let bytes = received(true);
    assert!(bytes.starts_with(b"\xff\xf4\xff\xf2ABOR\r\n"), "{bytes:x?}");
    assert_eq!(
        frame(&bytes),
        [(b"ABOR".to_vec(), true), (b"NOOP".to_vec(), false)]
    );
}
