//! Work spread over every core: scoped threads that each take the next item
//! when done (items differ widely in size, so fixed chunks would leave a
//! core idle), with results in the items' order; and the lock the threads
//! share state through.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

/// A lock that survives a panic in another thread. Every caller mutates
/// what it guards only in steps that cannot fail midway, so it stays usable.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// `f` applied to every item, on every core; each thread has its own `state`
/// (a parser, say) made by `init`.
pub fn map<T: Sync, S, R: Send>(
    items: &[T],
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len()).max(1);
    let next = AtomicUsize::new(0);
    let mut out: Vec<Option<R>> = Vec::new();
    out.resize_with(items.len(), || None);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let (next, init, f) = (&next, &init, &f);
                scope.spawn(move || {
                    let mut state = init();
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { return done };
                        done.push((i, f(&mut state, item)));
                    }
                })
            })
            .collect();
        for worker in workers {
            // A panic in `f` is re-raised here, as if `f` had run on this thread.
            let done = worker.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
            for (i, r) in done {
                out[i] = Some(r);
            }
        }
    });
    out.into_iter().map(|r| r.expect("every item is mapped")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_order_and_uses_per_thread_state() {
        let items: Vec<usize> = (0..1000).collect();
        let out = super::map(
            &items,
            || 0usize,
            |calls, &x| {
                *calls += 1;
                x * 2
            },
        );
        assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        assert!(super::map(&[] as &[u8], || (), |_, &x| x).is_empty());
    }
}
