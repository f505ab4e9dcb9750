//! `AsyncSession`: the client session over an async control connection and an
//! [`AsyncDataConnection`]: the blocking [`Session`](super::Session)'s calls, awaited, on the
//! same [`Operation`]s.

use super::data::AsyncDataConnection;
use super::error::SessionError;
use super::operation::{Moved, Operation, Request, Step};
use super::session::AsyncSession;
use super::started::Started;
use crate::client::control::AsyncControl;
use crate::payload::{self, Pathname, Timestamp};
use crate::{Command, Outcome};
use core::ops::ControlFlow;
use embedded_io_async::{Read, Write};

type Result<V, T> =
    core::result::Result<V, SessionError<<T as embedded_io_async::ErrorType>::Error>>;

impl<'b, T, D> AsyncSession<'b, T, D>
where
    T: Read + Write,
    D: AsyncDataConnection<Error = T::Error>,
{
    /// Reads the server's greeting on `control` (220, or 120 then 220): the session, ready to
    /// log in. [`SessionError::Unavailable`] for a 421.
    ///
    /// Not cancel-safe: see [the type's note](AsyncSession#cancel-safety).
    pub async fn start(mut control: AsyncControl<'b, T>, data: D) -> Result<Self, T> {
        let (outcome, greeting) = control.greeting().await?;
        if outcome != Outcome::Completed {
            return Err(SessionError::Unavailable {
                code: greeting.code(),
            });
        }
        Ok(Self::greeted(control, data))
    }

    /// `AUTH TLS`, as [`Session::auth_tls`](super::Session::auth_tls): Ok on 234, then the
    /// handshake and [`into_tls`](Self::into_tls).
    ///
    /// # Cancel safety
    /// Not cancel-safe, as every call: see [`AsyncSession`].
    pub async fn auth_tls(&mut self) -> Result<(), T> {
        self.command(Command::Auth, b"TLS").await
    }

    /// `PBSZ 0`, then `PROT P`, as [`Session::protect_data`](super::Session::protect_data).
    ///
    /// # Cancel safety
    /// Not cancel-safe, as every call: see [`AsyncSession`].
    pub async fn protect_data(&mut self) -> Result<(), T> {
        self.command(Command::Pbsz, b"0").await?;
        self.command(Command::Prot, b"P").await
    }

    /// USER, then PASS if the server asks for it (an empty password is sent empty).
    ///
    /// Not cancel-safe: see [the type's note](AsyncSession#cancel-safety).
    pub async fn login(&mut self, user: &[u8], password: &[u8]) -> Result<(), T> {
        self.login_with_account(user, password, b"").await
    }

    /// USER, PASS and ACCT, each sent only if the server asks for it (a 332 without an
    /// `account` is a refusal).
    ///
    /// Not cancel-safe: see [the type's note](AsyncSession#cancel-safety).
    pub async fn login_with_account(
        &mut self,
        user: &[u8],
        password: &[u8],
        account: &[u8],
    ) -> Result<(), T> {
        self.run(Request::Login {
            user,
            password,
            account,
        })
        .await
    }

    /// PWD: the working directory, read from the 257 (its doubled quotes undone by
    /// [`Pathname::chunks`]). Borrowed from the buffer until the next call.
    ///
    /// Not cancel-safe: see [the type's note](AsyncSession#cancel-safety).
    pub async fn pwd(&mut self) -> Result<Pathname<'_>, T> {
        self.command(Command::Pwd, b"").await?;
        let reply = self.last::<T::Error>()?;
        payload::pathname(&reply).map_err(|error| SessionError::Unreadable {
            command: Command::Pwd,
            error,
        })
    }

    /// Runs `command` with `argument`; anything but a completion is an error. The last reply
    /// is the control connection's `last_reply()` (through [`control`](Self::control)) until
    /// the next call.
    ///
    /// Not cancel-safe: see [the type's note](AsyncSession#cancel-safety).
    pub async fn command(&mut self, command: Command, argument: &[u8]) -> Result<(), T> {
        self.run(Request::Command {
            command,
            argument,
            typed: false,
        })
        .await
    }

    /// RNFR `from`, then RNTO `to`.
    ///
    /// Not cancel-safe: see [the type's note](AsyncSession#cancel-safety).
    pub async fn rename(&mut self, from: &[u8], to: &[u8]) -> Result<(), T> {
        self.run(Request::Rename { from, to }).await
    }

    /// SIZE, in the session's transfer type (TYPE I first if it is due).
    ///
    /// Not cancel-safe: see [the type's note](AsyncSession#cancel-safety).
    pub async fn size(&mut self, path: &[u8]) -> Result<u64, T> {
        self.run(Request::Command {
            command: Command::Size,
            argument: path,
            typed: true,
        })
        .await?;
        let reply = self.last::<T::Error>()?;
        payload::size(&reply).map_err(|error| SessionError::Unreadable {
            command: Command::Size,
            error,
        })
    }

    /// MDTM: the file's modification time, in UTC.
    ///
    /// Not cancel-safe: see [the type's note](AsyncSession#cancel-safety).
    pub async fn mdtm(&mut self, path: &[u8]) -> Result<Timestamp, T> {
        self.command(Command::Mdtm, path).await?;
        let reply = self.last::<T::Error>()?;
        payload::mdtm(&reply).map_err(|error| SessionError::Unreadable {
            command: Command::Mdtm,
            error,
        })
    }

    /// A transfer: `command` (RETR, STOR, APPE, LIST, NLST, MLSD) with `argument`, from
    /// `offset` (REST first when it is not 0). The session sets the type (RETR, STOR and APPE),
    /// opens the data connection (passive or active), sends the command, and after its 1yz
    /// calls `mover` with the data connection and the 1yz ([`Started`]: the size it announced). `mover`
    /// moves the bytes and says whether it went through ([`ControlFlow::Continue`]) or wants
    /// the transfer aborted ([`ControlFlow::Break`]: ABOR is sent, the result is
    /// [`SessionError::Aborted`]). The data connection is then closed and the completion read.
    ///
    /// Not cancel-safe: see [the type's note](AsyncSession#cancel-safety).
    pub async fn transfer<F>(
        &mut self,
        command: Command,
        argument: &[u8],
        offset: u64,
        mover: F,
    ) -> Result<(), T>
    where
        F: AsyncFnOnce(&mut D, Started<'_>) -> core::result::Result<ControlFlow<()>, T::Error>,
    {
        // A transfer whose future was dropped may have left its data connection open.
        self.data.close().await.map_err(SessionError::Data)?;
        let request = Request::transfer(command, argument, offset);
        self.drive(request, Some(mover)).await
    }

    /// QUIT: the server's goodbye; the control connection back, to close.
    ///
    /// Not cancel-safe: see [the type's note](AsyncSession#cancel-safety).
    pub async fn quit(mut self) -> Result<AsyncControl<'b, T>, T> {
        self.command(Command::Quit, b"").await?;
        Ok(self.control)
    }

    /// Reads what an earlier call left due (its read timed out, or its future was dropped), after closing any data
    /// connection it left open, so that each operation starts in step: a reply is never
    /// taken for the next command's.
    async fn catch_up(&mut self) -> Result<(), T> {
        if self.control.conversation().is_idle() {
            return Ok(());
        }
        self.data.close().await.map_err(SessionError::Data)?;
        self.control.finish().await?;
        Ok(())
    }

    async fn run(&mut self, request: Request<'_>) -> Result<(), T> {
        type Mover<D, E> = fn(
            &mut D,
            Started<'_>,
        )
            -> core::future::Ready<core::result::Result<ControlFlow<()>, E>>;
        self.drive::<Mover<D, T::Error>>(request, None).await
    }

    /// Follows the operation's steps to its end. The data connection is closed on every
    /// way out once it was opened.
    async fn drive<F>(&mut self, request: Request<'_>, mover: Option<F>) -> Result<(), T>
    where
        F: AsyncFnOnce(&mut D, Started<'_>) -> core::result::Result<ControlFlow<()>, T::Error>,
    {
        self.catch_up().await?;
        let mut operation = Operation::new(request, self.state);
        let result = self.steps(&mut operation, mover).await;
        if operation.data_open() || result.is_err() {
            // The error that ended the operation is the one to report.
            let _ = self.data.close().await;
        }
        result
    }

    async fn steps<F>(&mut self, operation: &mut Operation<'_>, mover: Option<F>) -> Result<(), T>
    where
        F: AsyncFnOnce(&mut D, Started<'_>) -> core::result::Result<ControlFlow<()>, T::Error>,
    {
        let mut mover = mover;
        let mut data_error = None;
        // Bounded: every operation has at most a dozen steps (TYPE, EPSV, PASV, EPRT, PORT,
        // REST, the command, accept, move, finish, ABOR).
        loop {
            match operation.next(self.state) {
                Step::Run { command, argument } => {
                    let (outcome, _) = self.control.run(command, argument, &[]).await?;
                    self.replied::<T::Error>(operation, outcome)?;
                }
                Step::Start { command, argument } => {
                    let reply = self.control.send(command, argument).await?;
                    operation.started(self.state, &reply);
                }
                Step::Finish => {
                    let (outcome, _) = self.control.finish().await?;
                    self.replied::<T::Error>(operation, outcome)?;
                }
                Step::Connect { port } => {
                    self.data.connect(port).await.map_err(SessionError::Data)?;
                    operation.connected();
                }
                Step::Listen => {
                    let address = self.data.listen().await.map_err(SessionError::Data)?;
                    operation.listening(self.state, address);
                }
                Step::Accept => match self.data.accept().await {
                    Ok(()) => operation.accepted(),
                    Err(error) => {
                        data_error = Some(error);
                        operation.moved(Moved::Failed);
                    }
                },
                Step::Move => {
                    let result = match mover.take() {
                        Some(mover) => {
                            mover(&mut self.data, Started::new(self.control.last_reply())).await
                        }
                        None => Ok(ControlFlow::Continue(())),
                    };
                    // Closing ends an upload; a download's server may wait for it too
                    // (ProFTPD sends its 226 only then).
                    let closed = self.data.close().await;
                    operation.moved(match (result, closed) {
                        (Ok(ControlFlow::Continue(())), Ok(())) => Moved::Whole,
                        (Ok(ControlFlow::Break(())), _) => Moved::Stopped,
                        (Err(error), _) | (Ok(_), Err(error)) => {
                            data_error = Some(error);
                            Moved::Failed
                        }
                    });
                }
                Step::Done(result) => {
                    return result
                        .map_err(|failure| SessionError::from_failure(failure, data_error.take()));
                }
            }
        }
    }
}
