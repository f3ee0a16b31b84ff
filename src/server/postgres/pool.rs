//! The pool of connections to PostgreSQL, each with the statements
//! prepared on it, and the transactions run on them.

use std::collections::HashMap;

use postgres::types::{ToSql, Type};
use postgres::{Client, GenericClient, NoTls, Row, Statement, Transaction};

pub type Pool = r2d2::Pool<Manager>;

/// A connection of the pool, with the statements prepared on it: each is
/// parsed and planned by PostgreSQL once a connection, not once a use.
pub struct Connection {
    pub client: Client,
    pub statements: HashMap<String, Statement>,
}

/// Makes the pool's connections.
pub struct Manager {
    pub config: postgres::Config,
}

impl r2d2::ManageConnection for Manager {
    type Connection = Connection;
    type Error = postgres::Error;

    fn connect(&self) -> Result<Connection, postgres::Error> {
        Ok(Connection {
            client: self.config.connect(NoTls)?,
            statements: HashMap::new(),
        })
    }

    fn is_valid(&self, connection: &mut Connection) -> Result<(), postgres::Error> {
        connection.client.simple_query("").map(drop)
    }

    fn has_broken(&self, connection: &mut Connection) -> bool {
        connection.client.is_closed()
    }
}

/// A transaction, with its connection's prepared statements.
pub struct Tx<'c> {
    pub inner: Transaction<'c>,
    pub statements: &'c mut HashMap<String, Statement>,
}

/// A statement prepared once on a connection (its parameters' types
/// given), then run as often as needed.
pub fn prepared(
    client: &mut impl GenericClient,
    statements: &mut HashMap<String, Statement>,
    sql: &str,
    types: &[Type],
) -> Result<Statement, postgres::Error> {
    if let Some(statement) = statements.get(sql) {
        return Ok(statement.clone());
    }
    let statement = client.prepare_typed(sql, types)?;
    statements.insert(sql.to_string(), statement.clone());
    Ok(statement)
}

/// A query in a transaction, its statement prepared once a connection.
pub fn query(
    tx: &mut Tx,
    sql: &str,
    params: &[(&(dyn ToSql + Sync), Type)],
) -> Result<Vec<Row>, postgres::Error> {
    let (values, types): (Vec<&(dyn ToSql + Sync)>, Vec<Type>) = params.iter().cloned().unzip();
    let statement = prepared(&mut tx.inner, tx.statements, sql, &types)?;
    tx.inner.query(&statement, &values)
}
