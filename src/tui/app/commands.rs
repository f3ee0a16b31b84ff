//! What the model asks of the loop besides drawing: one queue, carried out
//! in order after each batch of events with the means the loop was given
//! (`tui::Background`). The model knows no threads, files or network; it
//! only asks, and hears back through `App::listed`, `App::gathered`,
//! `App::on_lock` and `App::on_sync_event`.

use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Start a sync in the background.
    StartSync,
    /// Wait in the background until no other session has this response.
    WaitForLock(Uuid),
    /// Take the response from the idle session holding it (in the
    /// background: it may take seconds).
    TakeOver(Uuid),
    /// List the responses, checked against the files.
    List,
    /// Count the complete responses for the results screen.
    Gather,
    /// The open response was marked complete or reopened: the kiosk sends
    /// it then.
    StatusChanged,
    /// End the interface, once the commands asked before are carried out.
    Quit,
}

impl super::App {
    /// Asks for `command`, once however often it is asked before the loop
    /// takes the queue.
    pub(super) fn ask(&mut self, command: Command) {
        if !self.commands.contains(&command) {
            self.commands.push(command);
        }
    }

    /// The commands asked since the last call, in the order asked.
    pub fn take_commands(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.commands)
    }

    /// The commands asked and not yet taken.
    pub fn asked(&self) -> &[Command] {
        &self.commands
    }

    /// Whether the model asked to end: the loop takes no more events.
    pub fn quitting(&self) -> bool {
        self.commands.contains(&Command::Quit)
    }
}
