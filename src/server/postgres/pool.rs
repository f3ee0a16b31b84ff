//! The pool of connections to PostgreSQL, and the statements run on them.
//!
//! Every statement goes with its parameters' types in one round trip, on
//! the unnamed statement (`query_typed`): no named statement is kept on a
//! connection. Behind a pooler in transaction mode (PgBouncer), the next
//! transaction may run on another server connection, where a statement
//! named on this one would be missing, or another client's of the same
//! name would collide ("prepared statement \"s2\" already exists").

use postgres::types::{ToSql, Type};
use postgres::{Client, NoTls, Row, Transaction};

pub type Pool = r2d2::Pool<Manager>;

/// Makes the pool's connections.
pub struct Manager {
    pub config: postgres::Config,
}

impl r2d2::ManageConnection for Manager {
    type Connection = Client;
    type Error = postgres::Error;

    fn connect(&self) -> Result<Client, postgres::Error> {
        self.config.connect(NoTls)
    }

    fn is_valid(&self, client: &mut Client) -> Result<(), postgres::Error> {
        client.simple_query("").map(drop)
    }

    fn has_broken(&self, client: &mut Client) -> bool {
        client.is_closed()
    }
}

/// A transaction of the pool's.
pub type Tx<'c> = Transaction<'c>;

/// A query in a transaction.
pub fn query(
    tx: &mut Tx,
    sql: &str,
    params: &[(&(dyn ToSql + Sync), Type)],
) -> Result<Vec<Row>, postgres::Error> {
    tx.query_typed(sql, params)
}
