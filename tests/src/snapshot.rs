//! Snapshots of a sandbox directory tree (names, file types, contents) and
//! the differences between two snapshots.

use std::collections::BTreeMap;
use std::fmt;
use std::io;
use std::path::Path;

/// What is at one path of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A regular file and its contents.
    File(Vec<u8>),
    /// A directory.
    Dir,
    /// A symbolic link and its target.
    Symlink(String),
    /// Anything else (fifo, socket, device).
    Other,
}

impl Node {
    fn kind(&self) -> &'static str {
        match self {
            Node::File(_) => "file",
            Node::Dir => "directory",
            Node::Symlink(_) => "symlink",
            Node::Other => "special file",
        }
    }
}

/// A whole tree: relative path (with `/` separators) → node. The root
/// itself is not included.
pub type Snapshot = BTreeMap<String, Node>;

/// Reads the tree under `root`.
pub fn take(root: &Path) -> io::Result<Snapshot> {
    let mut snap = Snapshot::new();
    walk(root, "", &mut snap)?;
    Ok(snap)
}

fn walk(dir: &Path, prefix: &str, snap: &mut Snapshot) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() { name } else { format!("{prefix}/{name}") };
        let path = entry.path();
        let ty = entry.file_type()?;
        if ty.is_symlink() {
            let target = std::fs::read_link(&path)?;
            snap.insert(rel, Node::Symlink(target.to_string_lossy().into_owned()));
        } else if ty.is_dir() {
            snap.insert(rel.clone(), Node::Dir);
            walk(&path, &rel, snap)?;
        } else if ty.is_file() {
            snap.insert(rel, Node::File(std::fs::read(&path)?));
        } else {
            snap.insert(rel, Node::Other);
        }
    }
    Ok(())
}

/// One difference between an expected and an actual tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TreeDiff {
    /// In the expected tree only.
    Missing(String),
    /// In the actual tree only.
    Extra(String),
    /// Different kinds of node at the same path.
    KindDiffers { path: String, expected: &'static str, actual: &'static str },
    /// Both files, different bytes.
    ContentDiffers { path: String, expected: Vec<u8>, actual: Vec<u8> },
    /// Both symlinks, different targets.
    TargetDiffers { path: String, expected: String, actual: String },
}

impl fmt::Display for TreeDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TreeDiff::Missing(p) => write!(f, "`{p}` missing"),
            TreeDiff::Extra(p) => write!(f, "unexpected `{p}`"),
            TreeDiff::KindDiffers { path, expected, actual } => {
                write!(f, "`{path}` is a {actual}, expected a {expected}")
            }
            TreeDiff::ContentDiffers { path, expected, actual } => write!(
                f,
                "`{path}` contents differ ({} bytes, expected {}): {}",
                actual.len(),
                expected.len(),
                crate::compare::first_difference(expected, actual)
            ),
            TreeDiff::TargetDiffers { path, expected, actual } => {
                write!(f, "symlink `{path}` points to `{actual}`, expected `{expected}`")
            }
        }
    }
}

/// All differences, in path order.
pub fn diff(expected: &Snapshot, actual: &Snapshot) -> Vec<TreeDiff> {
    let mut out = Vec::new();
    for (path, e) in expected {
        match actual.get(path) {
            None => out.push(TreeDiff::Missing(path.clone())),
            Some(a) => match (e, a) {
                (Node::File(x), Node::File(y)) if x != y => out.push(TreeDiff::ContentDiffers {
                    path: path.clone(),
                    expected: x.clone(),
                    actual: y.clone(),
                }),
                (Node::Symlink(x), Node::Symlink(y)) if x != y => out.push(TreeDiff::TargetDiffers {
                    path: path.clone(),
                    expected: x.clone(),
                    actual: y.clone(),
                }),
                _ if e.kind() != a.kind() => out.push(TreeDiff::KindDiffers {
                    path: path.clone(),
                    expected: e.kind(),
                    actual: a.kind(),
                }),
                _ => {}
            },
        }
    }
    for path in actual.keys() {
        if !expected.contains_key(path) {
            out.push(TreeDiff::Extra(path.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(entries: &[(&str, Node)]) -> Snapshot {
        entries.iter().map(|(p, n)| (p.to_string(), n.clone())).collect()
    }

    #[test]
    fn identical_trees_have_no_diff() {
        let t = tree(&[("a", Node::Dir), ("a/b", Node::File(b"x".to_vec()))]);
        assert!(diff(&t, &t.clone()).is_empty());
    }

    #[test]
    fn reports_each_kind_of_difference() {
        let expected = tree(&[
            ("gone", Node::File(vec![])),
            ("f", Node::File(b"one\ntwo\n".to_vec())),
            ("d", Node::Dir),
            ("l", Node::Symlink("f".into())),
        ]);
        let actual = tree(&[
            ("f", Node::File(b"one\nTWO\n".to_vec())),
            ("d", Node::File(vec![])),
            ("l", Node::Symlink("g".into())),
            ("new", Node::Dir),
        ]);
        let d = diff(&expected, &actual);
        assert_eq!(d.len(), 5, "{d:?}");
        let text: Vec<String> = d.iter().map(|x| x.to_string()).collect();
        assert!(text.iter().any(|t| t == "`gone` missing"));
        assert!(text.iter().any(|t| t == "unexpected `new`"));
        assert!(text.iter().any(|t| t == "`d` is a file, expected a directory"));
        assert!(text.iter().any(|t| t.starts_with("`f` contents differ") && t.contains("line 2")));
        assert!(text.iter().any(|t| t.contains("points to `g`")));
    }

    #[test]
    fn takes_a_real_snapshot() {
        let dir = std::env::temp_dir().join(format!("conformance-snap-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("sub/x"), b"hi").unwrap();
        let snap = take(&dir).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(snap, tree(&[("sub", Node::Dir), ("sub/x", Node::File(b"hi".to_vec()))]));
    }
}
