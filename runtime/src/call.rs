//! The future a generated operation returns.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use crate::ApiResult;

/// An operation call on its way: `.await` it for the operation's [`ApiResult`].
///
/// Generated methods build the request when they are called and return a `Call`; nothing is
/// sent until it is first polled. It is `Send` and `'static` (it borrows neither the client
/// nor the arguments), so it can be spawned: `tokio::spawn(client.get_user(1))`.
#[must_use = "a Call sends nothing until it is awaited"]
pub struct Call<T, E = std::convert::Infallible> {
    future: Pin<Box<dyn Future<Output = ApiResult<T, E>> + Send>>,
}

impl<T, E> Call<T, E> {
    pub(crate) fn new(future: impl Future<Output = ApiResult<T, E>> + Send + 'static) -> Self {
        Call {
            future: Box::pin(future),
        }
    }
}

impl<T, E> Future for Call<T, E> {
    type Output = ApiResult<T, E>;

    fn poll(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<Self::Output> {
        self.future.as_mut().poll(context)
    }
}

impl<T, E> fmt::Debug for Call<T, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Call").finish_non_exhaustive()
    }
}
