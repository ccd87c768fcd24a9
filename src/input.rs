//! The command line's input: a feed's bytes from a file or from standard input.
//!
//! On Linux a regular file of a mebibyte or more is *mapped* rather than read. Reading copies
//! every byte into freshly allocated memory, and on these machines the faults of that buffer
//! (one per 4 KiB page, each page zeroed by the kernel, then overwritten by the copy) cost as
//! much as parsing it: `rank` over a 22 MB feed spent 39 ms of ~100 in the kernel. Mapped with
//! `MAP_POPULATE`, the file's cached pages are entered in one call: 13 ms in the kernel, and
//! the whole process took 55–78 ms instead of 74–105 in the same runs (`make bench` has the
//! "native CLI" row).
//!
//! The trade-off, which ripgrep makes too: a file *truncated* by another process while it is
//! mapped ends this process with SIGBUS, and one rewritten *in place* meanwhile changes the
//! bytes under the reader (strictly, undefined behaviour for a `&[u8]` in Rust; in practice
//! the feed is read half old, half new, and refused or ranked as read). Writers that replace a
//! feed by renaming a new file over it, as `import --into` does, never touch a mapped file.
//! Small files, standard input, pipes and anything that cannot be mapped are read as before.

use gov_leaderboard::feed::MAX_FEED_BYTES;
use std::io::Read;
use std::ops::Deref;

/// A feed's bytes, mapped or read.
pub enum Bytes {
    Read(Vec<u8>),
    #[cfg(target_os = "linux")]
    Mapped(map::Map),
}

impl Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Read(bytes) => bytes,
            #[cfg(target_os = "linux")]
            Bytes::Mapped(map) => map,
        }
    }
}

/// Below this size a read takes few page faults, so it is left as it was (and needs no unmapping).
const MAP_FROM_BYTES: u64 = 1 << 20;

/// The feed at `path` (`-`: standard input). At most one byte past the feed limit is read, so a
/// huge input is refused without being held; a file over the limit is never mapped.
pub fn feed_bytes(path: &str) -> Result<Bytes, String> {
    if path == "-" {
        return read(path).map(Bytes::Read);
    }
    let file = open(path)?;
    #[cfg(target_os = "linux")]
    if let Some(map) = map::file(&file) {
        grow_heap_in_large_steps();
        return Ok(Bytes::Mapped(map));
    }
    read_from(file, path).map(Bytes::Read)
}

/// A large feed's pages and points are allocated next: tens of megabytes in small pieces.
/// glibc takes memory from the kernel 128 KiB at a time by default, and on the reader's
/// second thread each step is an `mprotect` of that thread's arena: 1,522 calls for a 22 MB
/// feed (`strace -c`), ~5 % of the process in `perf`. With a 32 MiB pad there are 8 (a 4 MiB
/// pad left 694), and the process took 37.8 ms of CPU instead of 39.0, 28.4 ms instead of
/// 28.9 from start to end (medians of 100 alternated runs). Only address space is taken
/// early: a page becomes memory when it is first written, so the resident size is the same
/// (40.6 vs 41.2 MB).
fn grow_heap_in_large_steps() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a parameter of glibc's allocator, valid at any time; a
    // refusal (0) leaves the default, which is only slower.
    unsafe {
        libc::mallopt(libc::M_TOP_PAD, 32 << 20);
    }
}

/// The bytes at `path` (`-`: standard input), read into memory.
pub fn read(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        return read_from(std::io::stdin().lock(), path);
    }
    read_from(open(path)?, path)
}

fn open(path: &str) -> Result<std::fs::File, String> {
    std::fs::File::open(path).map_err(|e| cannot_read(path, &e))
}

fn read_from(input: impl Read, path: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    input
        .take(MAX_FEED_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(path, &e))?;
    Ok(bytes)
}

fn cannot_read(path: &str, e: &std::io::Error) -> String {
    format!("cannot read {path}: {e}")
}

#[cfg(target_os = "linux")]
pub mod map {
    use super::{MAP_FROM_BYTES, MAX_FEED_BYTES};
    use std::os::fd::AsRawFd;

    /// A read-only private mapping of a whole file, unmapped on drop.
    pub struct Map {
        ptr: *mut libc::c_void,
        len: usize,
    }

    /// `file` mapped, or `None` when it is not a regular file of a size worth mapping within
    /// the feed limit, or mapping fails (the caller then reads it, and reports what fails).
    pub fn file(file: &std::fs::File) -> Option<Map> {
        let meta = file.metadata().ok()?;
        let len = meta.len();
        if !meta.is_file() || len < MAP_FROM_BYTES || len > MAX_FEED_BYTES as u64 {
            return None;
        }
        let len = usize::try_from(len).ok()?;
        // SAFETY: a new mapping at an address the kernel chooses, of an open file descriptor
        // (the mapping outlives the descriptor, as mmap(2) allows); the result is checked.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ,
                libc::MAP_PRIVATE | libc::MAP_POPULATE,
                file.as_raw_fd(),
                0,
            )
        };
        (ptr != libc::MAP_FAILED).then_some(Map { ptr, len })
    }

    impl std::ops::Deref for Map {
        type Target = [u8];

        fn deref(&self) -> &[u8] {
            // SAFETY: `ptr` is a live read-only mapping of `len` bytes (unmapped only on drop).
            // The module comment says what another process truncating the file would do.
            unsafe { std::slice::from_raw_parts(self.ptr.cast::<u8>(), self.len) }
        }
    }

    impl Drop for Map {
        fn drop(&mut self) {
            // SAFETY: unmaps exactly the mapping made in `file`, which nothing borrows any more.
            unsafe {
                libc::munmap(self.ptr, self.len);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_file_is_mapped_and_reads_as_its_bytes() {
        let dir = std::env::temp_dir().join(format!("gl-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (small, large) = (dir.join("small.json"), dir.join("large.json"));
        let big: Vec<u8> = (0..(MAP_FROM_BYTES as usize + 4097))
            .map(|i| (i % 251) as u8)
            .collect();
        std::fs::write(&small, b"{}").unwrap();
        std::fs::write(&large, &big).unwrap();
        let got = feed_bytes(large.to_str().unwrap()).unwrap();
        #[cfg(target_os = "linux")]
        assert!(matches!(got, Bytes::Mapped(_)));
        assert_eq!(&*got, &big[..]);
        let got = feed_bytes(small.to_str().unwrap()).unwrap();
        assert!(matches!(got, Bytes::Read(_)));
        assert_eq!(&*got, b"{}");
        let missing = dir.join("missing.json");
        let err = feed_bytes(missing.to_str().unwrap()).err().unwrap();
        assert!(err.starts_with("cannot read "), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
