//! Passes over every response file of a data folder: the listing, kept
//! quick by the summary index, and reading each response whole, on every
//! core, in the order of the files.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, OnceLock};

use super::data_dir::io_error;
use super::summary::{self, Index, Summary};
use uuid::Uuid;

use super::{DataDir, Listed, Response, StoreError};

/// Files one reader takes at a time: a pass holds a few of these batches
/// in memory, whatever the number of files.
const BATCH: usize = 128;

impl DataDir {
    /// The one response whose id starts with `prefix` (hyphens optional).
    pub fn resolve(&self, prefix: &str) -> Result<Uuid, StoreError> {
        let wanted = prefix.trim().to_ascii_lowercase().replace('-', "");
        let not_found = || StoreError::NoSuchResponse {
            id: prefix.to_string(),
        };
        if wanted.is_empty() {
            return Err(not_found());
        }
        let matches: Vec<Uuid> = self
            .response_files()?
            .iter()
            .filter_map(|p| p.file_stem()?.to_str()?.parse::<Uuid>().ok())
            .filter(|id| id.simple().to_string().starts_with(&wanted))
            .collect();
        match matches.as_slice() {
            [one] => Ok(*one),
            [] => Err(not_found()),
            many => Err(StoreError::Ambiguous {
                prefix: prefix.to_string(),
                matches: many.len(),
            }),
        }
    }

    /// Newest first, then the files that cannot be read. Only files new
    /// or changed since the index was made are read.
    pub(super) fn summaries(&self) -> Result<Vec<Listed>, StoreError> {
        let dir = self.responses_dir();
        let files = crate::files::named_files_with_extension(&dir, "json")
            .map_err(|e| io_error(&dir, &e))?;
        let confirmations = self.confirmations()?;
        let stamps = in_parallel(&files, |(_, path)| summary::stamp(path));
        let mut cache = self.index.lock().unwrap_or_else(|p| p.into_inner());
        let index = cache.get_or_insert_with(|| Index::read(&self.index_path(), &self.recipe.key));
        let cached = index.fresh(&files, &stamps);
        let to_read: Vec<usize> = (0..files.len()).filter(|&n| cached[n].is_none()).collect();
        let read = in_parallel(&to_read, |&n| {
            DataDir::read_file(&files[n].1).map(|r| Arc::new(self.recipe.summarize(&r)))
        });
        let mut summaries = cached;
        let mut broken = Vec::new();
        for (n, result) in to_read.into_iter().zip(read) {
            match result {
                Ok(summary) => summaries[n] = Some(summary),
                Err(error) => broken.push(Listed::Broken(error)),
            }
        }
        // What was read (and can be told apart from its next version) is
        // what the index keeps, by name.
        let kept = files
            .into_iter()
            .zip(stamps)
            .zip(&summaries)
            .filter_map(|(((name, _), stamp), summary)| Some((name, stamp?, summary.clone()?)))
            .collect();
        if index.replace(kept) {
            index.write(&self.index_path());
        }
        let mut summaries: Vec<Arc<Summary>> = summaries.into_iter().flatten().collect();
        confirm_all(&mut summaries, &confirmations);
        summaries.sort_by_key(|r| (std::cmp::Reverse(r.updated), r.id));
        Ok(summaries
            .into_iter()
            .map(Listed::Response)
            .chain(broken)
            .collect())
    }

    /// The summaries of the index as it is, newest first, without looking
    /// at the files: what a screen shows at once while [`Self::summaries`]
    /// checks them. Without an index, the files are listed.
    pub(super) fn summaries_unchecked(&self) -> Result<Vec<Listed>, StoreError> {
        let mut cache = self.index.lock().unwrap_or_else(|p| p.into_inner());
        let index = cache.get_or_insert_with(|| Index::read(&self.index_path(), &self.recipe.key));
        if index.is_empty() {
            drop(cache);
            return self.summaries();
        }
        let mut summaries = index.all();
        drop(cache);
        confirm_all(&mut summaries, &*self.confirmations()?);
        summaries.sort_by_key(|r| (std::cmp::Reverse(r.updated), r.id));
        Ok(summaries.into_iter().map(Listed::Response).collect())
    }

    /// Every response, read whole, in the order of their file names.
    /// Reading and parsing run on the machine's cores while `visit` runs
    /// here, a few batches ahead at most.
    pub(super) fn read_each(
        &self,
        visit: &mut dyn FnMut(Result<Response, StoreError>),
    ) -> Result<(), StoreError> {
        let files = self.response_files()?;
        let confirmations = &*self.confirmations()?;
        let batches: Vec<&[PathBuf]> = files.chunks(BATCH).collect();
        let next = AtomicUsize::new(0);
        let (sender, receiver) = sync_channel(readers() * 2);
        std::thread::scope(|scope| {
            for _ in 0..readers().min(batches.len()) {
                let (sender, next, batches) = (sender.clone(), &next, &batches);
                scope.spawn(move || {
                    loop {
                        let n = next.fetch_add(1, Ordering::Relaxed);
                        let Some(batch) = batches.get(n) else { break };
                        let read: Vec<_> = batch
                            .iter()
                            .map(|p| {
                                let mut response = DataDir::read_file(p)?;
                                super::confirmations::confirm(&mut response, confirmations);
                                Ok(response)
                            })
                            .collect();
                        if sender.send((n, read)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(sender);
            // Batches arrive in any order; they are visited in theirs.
            let (mut waiting, mut due) = (BTreeMap::new(), 0);
            for (n, read) in receiver {
                waiting.insert(n, read);
                while let Some(read) = waiting.remove(&due) {
                    read.into_iter().for_each(&mut *visit);
                    due += 1;
                }
            }
        });
        Ok(())
    }
}

/// The summaries with the log's word where it has one: the index keeps
/// what the files say, the log is read for every listing.
fn confirm_all(
    summaries: &mut [Arc<Summary>],
    confirmations: &super::confirmations::Confirmations,
) {
    for summary in summaries {
        if let Some(record) = confirmations.get(&summary.id) {
            Arc::make_mut(summary).confirmed(record);
        }
    }
}

/// The most threads that read files.
const MOST_READERS: usize = 4;

/// Threads that read files: one a core, at most `MOST_READERS`. Asked of the
/// system once: the answer costs a score of system calls (cgroup files),
/// paid before the interface's first paint otherwise.
fn readers() -> usize {
    static READERS: OnceLock<usize> = OnceLock::new();
    *READERS.get_or_init(|| {
        std::thread::available_parallelism().map_or(1, |n| n.get().min(MOST_READERS))
    })
}

/// `f` of every item, in order, spread over the machine's cores.
fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    // Too few to share out however many cores (an empty folder, say): no
    // threads, and no asking the system how many.
    if items.len() < 2 * MOST_READERS {
        return items.iter().map(&f).collect();
    }
    let threads = readers();
    if items.len() < 2 * threads {
        return items.iter().map(&f).collect();
    }
    let share = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let parts: Vec<_> = items
            .chunks(share)
            .map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        parts
            .into_iter()
            .flat_map(|part| part.join().expect("reading a file does not panic"))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::form::FormRef;
    use crate::form::{Answer, Answers};
    use crate::store::{Recipe, Responses, write_atomic};

    /// A recipe that takes the name, so a listing shows what is in each
    /// file.
    fn names_recipe() -> Recipe {
        Recipe {
            key: "names".into(),
            take: Box::new(|r| {
                let name = r.answers.get("dept_name").cloned();
                let answers: Answers = name
                    .map(|n| ("dept_name".to_string(), n))
                    .into_iter()
                    .collect();
                (answers, None)
            }),
        }
    }

    fn data() -> (tempfile::TempDir, DataDir) {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::open(&dir.path().join("campo"))
            .unwrap()
            .summarized_by(names_recipe());
        (dir, data)
    }

    fn named(name: &str) -> Response {
        let mut response = Response::new(
            FormRef {
                id: "f".into(),
                version: 1,
            },
            "it",
            Utc::now(),
        );
        response
            .answers
            .insert("dept_name".into(), Answer::One(name.into()));
        response
    }

    fn names(data: &DataDir) -> Vec<String> {
        let mut names: Vec<String> = data
            .list()
            .unwrap()
            .iter()
            .filter_map(|l| match l {
                Listed::Response(s) => Some(s.answers["dept_name"].as_one()?.to_string()),
                Listed::Broken(_) => None,
            })
            .collect();
        names.sort();
        names
    }

    /// A second opening of the folder: what the next `campo list` reads.
    fn reopened(data: &DataDir) -> DataDir {
        DataDir::open(data.root())
            .unwrap()
            .summarized_by(names_recipe())
    }

    #[test]
    fn the_index_is_never_trusted_over_the_files() {
        let (_dir, data) = data();
        let (a, b) = (named("Aosta"), named("Bari"));
        data.save(&a).unwrap();
        data.save(&b).unwrap();
        assert_eq!(names(&data), ["Aosta", "Bari"]);
        assert!(data.index_path().exists(), "the listing made an index");

        // Changed behind campo's back, to the same size: read again.
        let mut changed = b.clone();
        changed
            .answers
            .insert("dept_name".into(), Answer::One("Bara".into()));
        write_atomic(&data.file_of(b.id), &changed.to_json()).unwrap();
        assert_eq!(names(&reopened(&data)), ["Aosta", "Bara"]);

        // A removed file leaves the listing; a new one joins it.
        std::fs::remove_file(data.file_of(a.id)).unwrap();
        data.save(&named("Como")).unwrap();
        assert_eq!(names(&reopened(&data)), ["Bara", "Como"]);

        // A damaged index, or one made with another recipe, is rebuilt.
        std::fs::write(data.index_path(), b"not an index").unwrap();
        assert_eq!(names(&reopened(&data)), ["Bara", "Como"]);
        let other = DataDir::open(data.root()).unwrap();
        let listed = other.list().unwrap();
        assert!(
            listed
                .iter()
                .all(|l| matches!(l, Listed::Response(s) if s.answers.is_empty()))
        );
        assert_eq!(names(&reopened(&data)), ["Bara", "Como"]);
    }

    /// Lists in another thread, failing if that takes more than a few
    /// seconds: an index that hangs or fills memory must not.
    fn names_in_time(data: &DataDir) -> Vec<String> {
        let data = reopened(data);
        let (sender, listed) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = sender.send(names(&data));
        });
        listed
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("the listing ends in time")
    }

    /// N66: an index that is a FIFO or a link to /dev/zero is no index.
    #[test]
    fn an_index_that_is_a_fifo_or_a_link_to_dev_zero_is_not_read() {
        let (_dir, data) = data();
        data.save(&named("Aosta")).unwrap();
        let fifo =
            std::ffi::CString::new(data.index_path().as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: mkfifo reads a NUL-terminated path and touches no memory of ours.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        assert_eq!(names_in_time(&data), ["Aosta"]);

        let _ = std::fs::remove_file(data.index_path());
        std::os::unix::fs::symlink("/dev/zero", data.index_path()).unwrap();
        assert_eq!(names_in_time(&data), ["Aosta"]);
    }

    /// N61: a file rewritten in place, its size and modification time put
    /// back, is read again (its change time moved).
    #[test]
    fn a_file_edited_in_place_with_its_times_restored_is_read_again() {
        use std::os::unix::fs::FileExt;
        let (_dir, data) = data();
        let response = named("Aosta");
        data.save(&response).unwrap();
        assert_eq!(names(&data), ["Aosta"]);
        let path = data.file_of(response.id);
        let before = std::fs::metadata(&path).unwrap();
        let text = std::fs::read_to_string(&path)
            .unwrap()
            .replace("Aosta", "Asti!");
        let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        file.write_all_at(text.as_bytes(), 0).unwrap();
        file.set_modified(before.modified().unwrap()).unwrap();
        drop(file);
        let after = std::fs::metadata(&path).unwrap();
        assert_eq!(
            (after.len(), after.modified().unwrap()),
            (before.len(), before.modified().unwrap())
        );
        assert_eq!(names(&reopened(&data)), ["Asti!"]);
    }

    #[test]
    fn each_reads_every_file_in_order_of_names_damaged_ones_too() {
        let (_dir, data) = data();
        let mut saved: Vec<Response> = (0..300).map(|n| named(&format!("DSM {n}"))).collect();
        for response in &saved {
            data.save(response).unwrap();
        }
        std::fs::write(data.root().join("responses").join("broken.json"), "{").unwrap();
        saved.sort_by_key(|r| r.id.to_string());
        let (mut read, mut broken) = (Vec::new(), 0);
        data.each(&mut |r| match r {
            Ok(response) => read.push(response.id),
            Err(_) => broken += 1,
        })
        .unwrap();
        assert_eq!(read, saved.iter().map(|r| r.id).collect::<Vec<_>>());
        assert_eq!(broken, 1);
    }
}
