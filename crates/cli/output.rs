//! Output sinks: standard output, or a file written atomically (a
//! temporary file in the same directory, renamed over the target only
//! when everything was written).

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;

/// A buffered writer to standard output or to an atomically replaced
/// file. Call [`Output::finish`]; dropping it without finishing leaves the
/// previous file (or none) in place.
pub struct Output {
    inner: Inner,
}

enum Inner {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    File { writer: BufWriter<tempfile::NamedTempFile>, target: PathBuf },
}

impl Output {
    /// Standard output when `path` is `None` or `-`, else an atomic file.
    pub fn create(path: Option<&Path>) -> anyhow::Result<Output> {
        match path {
            None => Ok(Output::stdout()),
            Some(p) if p.as_os_str() == "-" => Ok(Output::stdout()),
            Some(p) => Output::atomic_file(p),
        }
    }

    /// A buffered sink on standard output.
    pub fn stdout() -> Output {
        Output {
            inner: Inner::Stdout(BufWriter::with_capacity(
                1 << 16,
                io::stdout().lock(),
            )),
        }
    }

    /// A sink that becomes `target` only when [`Output::finish`] succeeds.
    pub fn atomic_file(target: &Path) -> anyhow::Result<Output> {
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&dir)
            .with_context(|| format!("creating {}", dir.display()))?;
        let mut builder = tempfile::Builder::new();
        builder.prefix(".tarjama-").suffix(".tmp");
        // A temporary file is private (0600) by default; the finished
        // output should have the usual permissions of a new file.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o644));
        }
        let tmp = builder.tempfile_in(&dir).with_context(|| {
            format!("creating a temporary file in {}", dir.display())
        })?;
        Ok(Output {
            inner: Inner::File {
                writer: BufWriter::with_capacity(1 << 16, tmp),
                target: target.to_path_buf(),
            },
        })
    }

    /// Flushes and, for a file, renames the temporary file over the target.
    pub fn finish(self) -> anyhow::Result<()> {
        match self.inner {
            Inner::Stdout(mut w) => w.flush().map_err(Into::into),
            Inner::File { writer, target } => {
                let tmp = writer
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(|| {
                        format!("writing {}", target.display())
                    })?;
                tmp.as_file().sync_all().with_context(|| {
                    format!("syncing {}", target.display())
                })?;
                tmp.persist(&target).with_context(|| {
                    format!("renaming onto {}", target.display())
                })?;
                Ok(())
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.inner {
            Inner::Stdout(w) => w.write(buf),
            Inner::File { writer, .. } => writer.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.inner {
            Inner::Stdout(w) => w.write_all(buf),
            Inner::File { writer, .. } => writer.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.inner {
            Inner::Stdout(w) => w.flush(),
            Inner::File { writer, .. } => writer.flush(),
        }
    }
}
