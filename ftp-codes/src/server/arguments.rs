//! The arguments the session reads itself: TYPE, MODE, STRU, REST, EPSV, and LIST's `ls`
//! options. Each follows RFC 959 §5.3.2's grammar (RFC 2428 §3 for EPSV, RFC 3659 §5.3 for
//! REST); anything else is a syntax error, never a guess.

use crate::{Command, TransferType};

/// What a TYPE, MODE or STRU argument asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Setting {
    /// TYPE A (with N), I, or L 8.
    Type(TransferType),
    /// MODE S, STRU F: the only ones served.
    Accepted,
    /// Well formed, not served (504): TYPE E, A T, A C, L 16; MODE B, C; STRU R, P.
    Unsupported,
    /// Not the grammar (501).
    Invalid,
}

/// RFC 959 §5.3.2: `TYPE <type-code>`, `MODE <mode-code>`, `STRU <structure-code>`, letters
/// in any case.
pub(super) fn setting(command: Command, argument: &[u8]) -> Setting {
    let upper = |b: &u8| b.to_ascii_uppercase();
    let mut letters = [0u8; 4];
    let Some(slot) = letters.get_mut(..argument.len()) else {
        return Setting::Invalid;
    };
    for (to, from) in slot.iter_mut().zip(argument) {
        *to = upper(from);
    }
    let argument = &*slot;
    match (command, argument) {
        (Command::Type, b"A" | b"A N") => Setting::Type(TransferType::Ascii),
        (Command::Type, b"I" | b"L 8") => Setting::Type(TransferType::Binary),
        (Command::Type, b"E" | b"A T" | b"A C" | b"E N" | b"E T" | b"E C")
        | (Command::Mode, b"B" | b"C")
        | (Command::Stru, b"R" | b"P") => Setting::Unsupported,
        (Command::Type, [b'L', b' ', digits @ ..])
            if !digits.is_empty() && digits.iter().all(u8::is_ascii_digit) =>
        {
            Setting::Unsupported
        }
        (Command::Mode, b"S") | (Command::Stru, b"F") => Setting::Accepted,
        _ => Setting::Invalid,
    }
}

/// REST's marker in stream mode: decimal digits (RFC 3659 §5.3), at most `u64::MAX`; the
/// payload parsers' reader of whole numbers.
pub(super) fn restart_offset(argument: &[u8]) -> Option<u64> {
    crate::payload::whole_number(argument)
}

/// EPSV's argument (RFC 2428 §3): none, a network protocol number, or `ALL`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Epsv {
    Protocol(Option<u8>),
    All,
    /// A protocol number other than 1 and 2 (522).
    Unsupported,
    Invalid,
}

pub(super) fn epsv(argument: &[u8]) -> Epsv {
    match argument {
        b"" => Epsv::Protocol(None),
        b"1" => Epsv::Protocol(Some(1)),
        b"2" => Epsv::Protocol(Some(2)),
        _ if argument.eq_ignore_ascii_case(b"ALL") => Epsv::All,
        _ if argument.len() <= 3 && argument.iter().all(u8::is_ascii_digit) => Epsv::Unsupported,
        _ => Epsv::Invalid,
    }
}

/// LIST's and NLST's path without the `ls` options clients send before it (`LIST -la`,
/// `LIST -a dir`): words starting with `-` are options, as vsftpd and pyftpdlib read them.
pub(super) fn without_ls_options(mut argument: &[u8]) -> &[u8] {
    while argument.first() == Some(&b'-') {
        argument = match argument.iter().position(|&b| b == b' ') {
            Some(space) => argument.get(space.saturating_add(1)..).unwrap_or_default(),
            None => b"",
        };
    }
    argument
}

#[cfg(test)]
mod tests {
    use super::{Epsv, Setting, epsv, restart_offset, setting, without_ls_options};
    use crate::{Command, TransferType};

    #[test]
    fn settings_by_the_grammar() {
        let table: &[(Command, &[u8], Setting)] = &[
            (Command::Type, b"I", Setting::Type(TransferType::Binary)),
            (Command::Type, b"i", Setting::Type(TransferType::Binary)),
            (Command::Type, b"L 8", Setting::Type(TransferType::Binary)),
            (Command::Type, b"A", Setting::Type(TransferType::Ascii)),
            (Command::Type, b"a n", Setting::Type(TransferType::Ascii)),
            (Command::Type, b"E", Setting::Unsupported),
            (Command::Type, b"L 16", Setting::Unsupported),
            (Command::Type, b"", Setting::Invalid),
            (Command::Type, b"X", Setting::Invalid),
            (Command::Type, b"I ", Setting::Invalid),
            (Command::Type, b"A  N", Setting::Invalid),
            (Command::Type, b"L", Setting::Invalid),
            (Command::Type, b"L 8 9", Setting::Invalid),
            (Command::Mode, b"S", Setting::Accepted),
            (Command::Mode, b"b", Setting::Unsupported),
            (Command::Mode, b"Z", Setting::Invalid),
            (Command::Stru, b"F", Setting::Accepted),
            (Command::Stru, b"R", Setting::Unsupported),
            (Command::Stru, b"FF", Setting::Invalid),
        ];
        for &(command, argument, expected) in table {
            assert_eq!(
                setting(command, argument),
                expected,
                "{command} {argument:?}"
            );
        }
    }

    #[test]
    fn restart_offsets() {
        assert_eq!(restart_offset(b"0"), Some(0));
        assert_eq!(restart_offset(b"18446744073709551615"), Some(u64::MAX));
        for bad in [
            &b""[..],
            b"18446744073709551616",
            b"-1",
            b"1 ",
            b"+1",
            b"0x10",
        ] {
            assert_eq!(restart_offset(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn epsv_arguments() {
        assert_eq!(epsv(b""), Epsv::Protocol(None));
        assert_eq!(epsv(b"2"), Epsv::Protocol(Some(2)));
        assert_eq!(epsv(b"all"), Epsv::All);
        assert_eq!(epsv(b"3"), Epsv::Unsupported);
        assert_eq!(epsv(b"ALL1"), Epsv::Invalid);
    }

    #[test]
    fn ls_options_are_not_paths() {
        assert_eq!(without_ls_options(b"-la"), b"");
        assert_eq!(without_ls_options(b"-l -a dir x"), b"dir x");
        assert_eq!(without_ls_options(b"dir -l"), b"dir -l");
    }
}
