//! An in-memory transport for `control::Control`: it serves a transcript `step` bytes a read and
//! counts what is written. Shared by the QEMU firmware's report and the benchmarks (each
//! includes this file with `#[path]`).

use embedded_io::{ErrorKind, ErrorType, Read, Write};

/// A transcript served `step` bytes a read; writes are counted and dropped.
pub struct Pieces<'a> {
    input: &'a [u8],
    step: usize,
    written: usize,
}

impl<'a> Pieces<'a> {
    /// Serves `input`, at most `step` bytes a read.
    pub fn new(input: &'a [u8], step: usize) -> Self {
        Self {
            input,
            step,
            written: 0,
        }
    }

    /// How many bytes were written.
    pub fn written(&self) -> usize {
        self.written
    }
}

impl ErrorType for Pieces<'_> {
    type Error = ErrorKind;
}

impl Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> Result<usize, ErrorKind> {
        let n = self.step.min(buf.len()).min(self.input.len());
        let (now, later) = self.input.split_at(n);
        if let Some(target) = buf.get_mut(..n) {
            target.copy_from_slice(now);
        }
        self.input = later;
        Ok(n)
    }
}

impl Write for Pieces<'_> {
    fn write(&mut self, buf: &[u8]) -> Result<usize, ErrorKind> {
        self.written = self.written.saturating_add(buf.len());
        Ok(buf.len())
    }

    fn flush(&mut self) -> Result<(), ErrorKind> {
        Ok(())
    }
}
