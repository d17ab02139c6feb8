//! Group commit (issue 19 point 2): one thread owns the write connection. Every
//! [`Store::tx`](super::Store) is a job sent to it; the jobs waiting when it gets to them
//! run in one IMMEDIATE transaction, each inside its own SAVEPOINT, and are committed
//! together. A caller is answered only after its batch's COMMIT returned, and with
//! `synchronous=FULL` in WAL mode that means the batch is on disk. A job that fails is
//! rolled back to its savepoint and fails alone; the others in its batch commit.
//!
//! Why: with a pool of writers each transaction took the write lock for itself, and the
//! others slept in SQLite's busy handler (1, 2, 5, 10… ms steps): kiosk registrations
//! ran at 0.13× the disk's commit rate with a p99 of 190–240 ms (issue 19).
//!
//! An in-memory store (unit tests) has a single connection: the writer owns it and runs
//! the reads too, between batches ([`Writer::direct`]).

use super::{StoreError, StoreResult};
use rusqlite::{Connection, Transaction, TransactionBehavior};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// Most jobs in one transaction: bounds how long a batch holds the lock.
pub(super) const MAX_BATCH: usize = 256;

/// What a job left to do once its batch is committed (or failed to commit).
type Answer = Box<dyn FnOnce(Option<&rusqlite::Error>) + Send>;
/// A write: runs on the writer's transaction, answers its caller at once when it fails,
/// or returns how to answer once the batch's COMMIT is known.
type Job = Box<dyn FnOnce(&Transaction<'_>) -> Option<Answer> + Send>;
/// A read (or a write outside any transaction) of a single-connection store.
type Direct = Box<dyn FnOnce(&mut Connection) + Send>;

enum Msg {
    Write(Job),
    Direct(Direct),
    Stop(oneshot::Sender<()>),
}

/// Counters the tests and the benchmark read.
#[derive(Default)]
pub(super) struct Stats {
    /// Writes sent to the writer.
    pub submitted: AtomicU64,
    /// Transactions committed (a batch is one).
    pub commits: AtomicU64,
}

pub(super) struct Writer {
    jobs: mpsc::UnboundedSender<Msg>,
    pub stats: Arc<Stats>,
}

impl Writer {
    /// Starts the writer thread on `conn` (already configured and migrated).
    pub fn start(conn: Connection) -> StoreResult<Writer> {
        let (jobs, rx) = mpsc::unbounded_channel();
        let stats = Arc::new(Stats::default());
        let thread_stats = stats.clone();
        std::thread::Builder::new()
            .name("lanyard-writer".into())
            .spawn(move || run(conn, rx, &thread_stats))
            .map_err(|e| StoreError::Internal(format!("writer thread: {e}")))?;
        Ok(Writer { jobs, stats })
    }

    /// Runs `f` in the next batch; answers after the batch's COMMIT.
    pub async fn tx<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&Transaction) -> StoreResult<T> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel::<StoreResult<T>>();
        let job: Job = Box::new(move |tx| match f(tx) {
            Ok(value) => Some(Box::new(move |commit_error: Option<&rusqlite::Error>| {
                let _ = reply.send(match commit_error {
                    None => Ok(value),
                    Some(e) => Err(StoreError::Internal(format!("commit failed: {e}"))),
                });
            }) as Answer),
            Err(e) => {
                let _ = reply.send(Err(e));
                None
            }
        });
        self.send(Msg::Write(job))?;
        self.stats.submitted.fetch_add(1, Ordering::SeqCst);
        answer.await.map_err(|_| gone())?
    }

    /// Runs `f` on the writer's connection outside any transaction (single-connection
    /// stores only).
    pub async fn direct<T, F>(&self, f: F) -> StoreResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> StoreResult<T> + Send + 'static,
    {
        let (reply, answer) = oneshot::channel::<StoreResult<T>>();
        self.send(Msg::Direct(Box::new(move |c| {
            let _ = reply.send(f(c));
        })))?;
        answer.await.map_err(|_| gone())?
    }

    /// Finishes the jobs already sent, closes the connection and ends the thread.
    pub async fn stop(&self) {
        let (done, stopped) = oneshot::channel();
        if self.send(Msg::Stop(done)).is_ok() {
            let _ = stopped.await;
        }
    }

    fn send(&self, m: Msg) -> StoreResult<()> {
        self.jobs.send(m).map_err(|_| gone())
    }
}

/// The writer ended (closed store) or a job panicked: the caller's write did not happen.
fn gone() -> StoreError {
    StoreError::Pool("the database writer is not running".into())
}

fn run(mut conn: Connection, mut rx: mpsc::UnboundedReceiver<Msg>, stats: &Stats) {
    let mut next = rx.blocking_recv();
    while let Some(msg) = next.take() {
        match msg {
            Msg::Stop(done) => {
                drop(conn);
                let _ = done.send(());
                return;
            }
            Msg::Direct(f) => {
                // A panic drops the reply: the caller gets an error, the thread goes on.
                let _ = catch_unwind(AssertUnwindSafe(|| f(&mut conn)));
            }
            Msg::Write(first) => {
                let mut batch = vec![first];
                while batch.len() < MAX_BATCH {
                    match rx.try_recv() {
                        Ok(Msg::Write(job)) => batch.push(job),
                        Ok(other) => {
                            next = Some(other);
                            break;
                        }
                        Err(_) => break,
                    }
                }
                commit_batch(&mut conn, batch, stats);
            }
        }
        if next.is_none() {
            next = rx.blocking_recv();
        }
    }
}

/// One transaction for `batch`, a savepoint per job.
fn commit_batch(conn: &mut Connection, batch: Vec<Job>, stats: &Stats) {
    let tx = match conn.transaction_with_behavior(TransactionBehavior::Immediate) {
        Ok(tx) => tx,
        Err(e) => {
            tracing::error!(error = %e, jobs = batch.len(), "could not begin a write transaction");
            // Dropping the jobs drops their replies: each caller gets an error.
            return;
        }
    };
    let mut answers: Vec<Answer> = Vec::with_capacity(batch.len());
    for job in batch {
        if let Err(e) = tx.execute_batch("SAVEPOINT job") {
            tracing::error!(error = %e, "could not open a savepoint");
            continue;
        }
        match catch_unwind(AssertUnwindSafe(|| job(&tx))) {
            Ok(Some(answer)) => {
                if tx.execute_batch("RELEASE job").is_ok() {
                    answers.push(answer);
                } else {
                    undo(&tx);
                    answer(Some(&rusqlite::Error::InvalidQuery));
                }
            }
            // Failed (already answered) or panicked (its reply dropped): undo it alone.
            Ok(None) | Err(_) => undo(&tx),
        }
        if tx.is_autocommit() {
            // SQLite rolled the whole transaction back (a full disk, an I/O error): the
            // jobs before are undone too, and the ones after are dropped unanswered.
            tracing::error!(
                jobs = answers.len(),
                "a write batch was rolled back by SQLite"
            );
            let error = rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_ABORT),
                Some("the write batch was rolled back".into()),
            );
            for answer in answers {
                answer(Some(&error));
            }
            return;
        }
    }
    let committed = tx.commit();
    if committed.is_ok() {
        stats.commits.fetch_add(1, Ordering::SeqCst);
    } else if let Err(e) = &committed {
        tracing::error!(error = %e, jobs = answers.len(), "a write batch did not commit");
    }
    let error = committed.err();
    for answer in answers {
        answer(error.as_ref());
    }
}

fn undo(tx: &Transaction<'_>) {
    if let Err(e) = tx.execute_batch("ROLLBACK TO job; RELEASE job") {
        tracing::error!(error = %e, "could not roll a failed write back to its savepoint");
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Store, StoreError};
    use std::time::Duration;

    async fn file_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.sqlite3")).await.unwrap();
        store
            .tx(|tx| {
                tx.execute_batch("CREATE TABLE t (x INTEGER NOT NULL UNIQUE)")?;
                Ok(())
            })
            .await
            .unwrap();
        (dir, store)
    }

    async fn count(store: &Store, x: i64) -> i64 {
        store
            .with_conn(move |c| {
                Ok(c.query_row("SELECT count(*) FROM t WHERE x = ?1", [x], |r| r.get(0))?)
            })
            .await
            .unwrap()
    }

    async fn submitted_reaches(store: &Store, n: u64) {
        for _ in 0..2000 {
            if store.write_stats().0 >= n {
                return;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        panic!("only {} writes were sent", store.write_stats().0);
    }

    /// Issue 19 point 2: 50 writes that wait together are committed in one transaction;
    /// one of them fails (a UNIQUE violation after its first row) and only its rows are
    /// undone; each caller is answered after the commit, so a read on another
    /// connection sees its row at once.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn waiting_writes_commit_together_and_a_failure_fails_alone() {
        let (_dir, store) = file_store().await;
        let (before_sent, before_commits) = store.write_stats();
        // Hold the writer until all 50 writes are queued behind it.
        let (release, hold) = std::sync::mpsc::channel::<()>();
        let blocker = {
            let store = store.clone();
            tokio::spawn(async move {
                store
                    .tx(move |tx| {
                        hold.recv().unwrap();
                        tx.execute("INSERT INTO t (x) VALUES (-1)", [])?;
                        Ok(())
                    })
                    .await
            })
        };
        submitted_reaches(&store, before_sent + 1).await;
        let writes: Vec<_> = (0..50i64)
            .map(|i| {
                let store = store.clone();
                tokio::spawn(async move {
                    let done = store
                        .tx(move |tx| {
                            tx.execute("INSERT INTO t (x) VALUES (?1)", [i])?;
                            if i == 13 {
                                // Its first row went in; this one breaks UNIQUE.
                                tx.execute("INSERT INTO t (x) VALUES (?1)", [i])?;
                            }
                            Ok(i)
                        })
                        .await;
                    // Answered: the row is on disk and visible to every connection.
                    let seen = count(&store, i).await;
                    (i, done, seen)
                })
            })
            .collect();
        submitted_reaches(&store, before_sent + 51).await;
        release.send(()).unwrap();
        blocker.await.unwrap().unwrap();
        for w in writes {
            let (i, done, seen) = w.await.unwrap();
            if i == 13 {
                assert!(matches!(done, Err(StoreError::Sqlite(_))), "{done:?}");
                assert_eq!(seen, 0, "the failed write's first row is undone");
            } else {
                assert_eq!(done.unwrap(), i);
                assert_eq!(seen, 1, "write {i} answered before it was visible");
            }
        }
        let (sent, commits) = store.write_stats();
        assert_eq!(sent - before_sent, 51);
        assert_eq!(
            commits - before_commits,
            2,
            "the blocker's batch, then one batch for the 50 waiting writes"
        );
        let total: i64 = store
            .with_conn(|c| Ok(c.query_row("SELECT count(*) FROM t", [], |r| r.get(0))?))
            .await
            .unwrap();
        assert_eq!(total, 50, "49 writes and the blocker");
    }

    /// A write that panics fails alone and the writer goes on.
    #[tokio::test]
    async fn a_panicking_write_fails_alone() {
        let (_dir, store) = file_store().await;
        let r: Result<(), _> = store
            .tx(|tx| {
                tx.execute("INSERT INTO t (x) VALUES (1)", [])?;
                panic!("a bug in a write");
            })
            .await;
        assert!(matches!(r, Err(StoreError::Pool(_))), "{r:?}");
        store
            .tx(|tx| {
                tx.execute("INSERT INTO t (x) VALUES (2)", [])?;
                Ok(())
            })
            .await
            .unwrap();
        assert_eq!((count(&store, 1).await, count(&store, 2).await), (0, 1));
    }

    /// After `close`, the database file stands alone (no WAL left) and a write is an
    /// error, not a hang.
    #[tokio::test]
    async fn close_stops_the_writer_and_leaves_one_file() {
        let (dir, store) = file_store().await;
        let other = store.clone();
        store.close().await.unwrap();
        let wal = dir.path().join("t.sqlite3-wal");
        assert!(
            !wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0,
            "WAL left behind"
        );
        let r = other.tx(|_| Ok(())).await;
        assert!(matches!(r, Err(StoreError::Pool(_))), "{r:?}");
    }
}
