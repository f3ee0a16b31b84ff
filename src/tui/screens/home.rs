use crate::store::Listed;

/// The list of saved responses.
pub struct Home {
    pub entries: Vec<Listed>,
    pub selected: usize,
    /// Asking whether to delete the selected response.
    pub confirm_delete: bool,
}

impl Home {
    pub fn new(entries: Vec<Listed>) -> Home {
        Home {
            entries,
            selected: 0,
            confirm_delete: false,
        }
    }

    /// Keeps the selection on the same response after a reload, if it is
    /// still there.
    pub fn reload(&mut self, entries: Vec<Listed>) {
        let selected_id = self.selected_response().map(|r| r.id);
        self.entries = entries;
        self.selected = selected_id
            .and_then(|id| {
                self.entries
                    .iter()
                    .position(|e| matches!(e, Listed::Response(r) if r.id == id))
            })
            .unwrap_or(self.selected.min(self.entries.len().saturating_sub(1)));
    }

    pub fn selected_entry(&self) -> Option<&Listed> {
        self.entries.get(self.selected)
    }

    pub fn selected_response(&self) -> Option<&crate::store::Response> {
        match self.selected_entry()? {
            Listed::Response(response) => Some(response),
            Listed::Broken(_) => None,
        }
    }

    pub fn move_by(&mut self, step: isize) -> bool {
        let last = self.entries.len().saturating_sub(1);
        let next = self.selected.saturating_add_signed(step).min(last);
        let moved = next != self.selected;
        self.selected = next;
        moved
    }
}
