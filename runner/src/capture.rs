//! In-memory capture of stdout and stderr: each stream into its own buffer
//! and, in write order, into one combined buffer (what `2>&1` would show),
//! so that a difference in buffering between two builds is observable.

use bytes::Bytes;
use std::io;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use tokio::io::AsyncWrite;
use wasmtime_wasi::cli::{IsTerminal, StdoutStream};
use wasmtime_wasi::p2::{OutputStream, Pollable, StreamError};

/// Shared byte buffer with a size limit.
#[derive(Debug, Clone)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl Buffer {
    fn new() -> Self {
        Buffer(Arc::new(Mutex::new(Vec::new())))
    }

    fn take(&self) -> Vec<u8> {
        match self.0.lock() {
            Ok(mut b) => std::mem::take(&mut *b),
            Err(poisoned) => std::mem::take(&mut *poisoned.into_inner()),
        }
    }

    fn len(&self) -> usize {
        self.0.lock().map(|b| b.len()).unwrap_or(usize::MAX)
    }

    fn extend(&self, bytes: &[u8]) {
        if let Ok(mut b) = self.0.lock() {
            b.extend_from_slice(bytes);
        }
    }
}

/// The capture of one run: stdout, stderr and both interleaved.
#[derive(Debug, Clone)]
pub(crate) struct Capture {
    stdout: Buffer,
    stderr: Buffer,
    combined: Buffer,
    limit: usize,
}

impl Capture {
    /// A capture that accepts up to `limit` bytes per stream.
    pub(crate) fn new(limit: usize) -> Self {
        Capture { stdout: Buffer::new(), stderr: Buffer::new(), combined: Buffer::new(), limit }
    }

    /// The stream to give the module as stdout.
    pub(crate) fn stdout_stream(&self) -> TeeStream {
        TeeStream { own: self.stdout.clone(), combined: self.combined.clone(), limit: self.limit }
    }

    /// The stream to give the module as stderr.
    pub(crate) fn stderr_stream(&self) -> TeeStream {
        TeeStream { own: self.stderr.clone(), combined: self.combined.clone(), limit: self.limit }
    }

    /// (stdout, stderr, combined), emptying the buffers.
    pub(crate) fn take(&self) -> (Vec<u8>, Vec<u8>, Vec<u8>) {
        (self.stdout.take(), self.stderr.take(), self.combined.take())
    }
}

/// A write end: appends to its own buffer and to the combined one.
#[derive(Debug, Clone)]
pub(crate) struct TeeStream {
    own: Buffer,
    combined: Buffer,
    limit: usize,
}

impl TeeStream {
    /// Appends as much of `bytes` as the limit allows; returns how much.
    fn append(&self, bytes: &[u8]) -> usize {
        let room = self.limit.saturating_sub(self.own.len());
        let n = bytes.len().min(room);
        self.own.extend(&bytes[..n]);
        self.combined.extend(&bytes[..n]);
        n
    }
}

impl IsTerminal for TeeStream {
    fn is_terminal(&self) -> bool {
        false
    }
}

impl StdoutStream for TeeStream {
    fn p2_stream(&self) -> Box<dyn OutputStream> {
        Box::new(self.clone())
    }

    fn async_stream(&self) -> Box<dyn AsyncWrite + Send + Sync> {
        Box::new(self.clone())
    }
}

#[wasmtime_wasi::async_trait]
impl OutputStream for TeeStream {
    fn write(&mut self, bytes: Bytes) -> Result<(), StreamError> {
        if self.append(&bytes) < bytes.len() {
            return Err(StreamError::Trap(wasmtime::format_err!("output beyond the capture limit of {} bytes", self.limit)));
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), StreamError> {
        Ok(())
    }

    fn check_write(&mut self) -> Result<usize, StreamError> {
        match self.limit.saturating_sub(self.own.len()) {
            0 => Err(StreamError::Closed),
            room => Ok(room),
        }
    }
}

#[wasmtime_wasi::async_trait]
impl Pollable for TeeStream {
    async fn ready(&mut self) {}
}

impl AsyncWrite for TeeStream {
    fn poll_write(self: Pin<&mut Self>, _cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        Poll::Ready(Ok(self.append(buf)))
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}
