//! Reading an expression: XLSForm's XPath (`${name}` references, `.`,
//! numbers, strings, `+ - * div mod`, `= != < <= > >=`, `and or`,
//! parentheses, paths and function calls) into a tree. Functions are
//! checked here, by name and number of arguments, so that a form's mistake
//! is found when the form is read, not when the question is asked.

use super::functions::{self, Arity};

/// A parsed expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    Number(f64),
    Text(String),
    /// `${name}`: another question's answer.
    Reference(String),
    /// `.` (the item the expression belongs to), `..`, `/data/a/b`, `name`.
    Path(Path),
    Negate(Box<Expr>),
    Binary(Operator, Box<Expr>, Box<Expr>),
    Call(String, Vec<Expr>),
}

/// A location path, as far as forms use one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    pub absolute: bool,
    pub steps: Vec<Step>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Current,
    Parent,
    Child(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Add,
    Subtract,
    Multiply,
    Divide,
    Modulo,
}

/// Why an expression cannot be read: `at` is a character offset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxError {
    Unexpected {
        at: usize,
        found: String,
    },
    UnexpectedEnd,
    UnclosedText {
        at: usize,
    },
    UnknownFunction {
        name: String,
    },
    WrongArity {
        name: String,
        expected: Arity,
        found: usize,
    },
}

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Number(f64),
    Text(String),
    Reference(String),
    Name(String),
    Operator(Operator),
    Slash,
    Dot,
    DotDot,
    Open,
    Close,
    Comma,
    Minus,
}

impl Token {
    /// Whether an operator name (`div`, `and`…) after this token is an
    /// operator rather than a name: XPath's rule for telling them apart.
    fn ends_operand(&self) -> bool {
        matches!(
            self,
            Token::Number(_)
                | Token::Text(_)
                | Token::Reference(_)
                | Token::Name(_)
                | Token::Dot
                | Token::DotDot
                | Token::Close
        )
    }
}

pub fn parse(source: &str) -> Result<Expr, SyntaxError> {
    let tokens = tokenize(source)?;
    let mut parser = Parser { tokens, next: 0 };
    let expr = parser.or()?;
    match parser.tokens.get(parser.next) {
        None => Ok(expr),
        Some((at, token)) => Err(SyntaxError::Unexpected {
            at: *at,
            found: describe(token),
        }),
    }
}

fn describe(token: &Token) -> String {
    match token {
        Token::Number(n) => n.to_string(),
        Token::Text(t) => format!("'{t}'"),
        Token::Reference(r) => format!("${{{r}}}"),
        Token::Name(n) => n.clone(),
        Token::Operator(_) | Token::Minus => "operator".into(),
        Token::Slash => "/".into(),
        Token::Dot => ".".into(),
        Token::DotDot => "..".into(),
        Token::Open => "(".into(),
        Token::Close => ")".into(),
        Token::Comma => ",".into(),
    }
}

fn is_name_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':')
}

fn tokenize(source: &str) -> Result<Vec<(usize, Token)>, SyntaxError> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens: Vec<(usize, Token)> = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        let start = at;
        let after_operand = tokens.last().is_some_and(|(_, t)| t.ends_operand());
        let token = match c {
            _ if c.is_whitespace() => {
                at += 1;
                continue;
            }
            '$' if chars.get(at + 1) == Some(&'{') => {
                let close = chars[at..].iter().position(|&c| c == '}');
                let Some(close) = close else {
                    return Err(SyntaxError::Unexpected {
                        at,
                        found: "${".into(),
                    });
                };
                let name: String = chars[at + 2..at + close].iter().collect();
                at += close + 1;
                Token::Reference(name.trim().to_string())
            }
            '\'' | '"' => {
                let close = chars[at + 1..].iter().position(|&q| q == c);
                let Some(close) = close else {
                    return Err(SyntaxError::UnclosedText { at });
                };
                let text: String = chars[at + 1..at + 1 + close].iter().collect();
                at += close + 2;
                Token::Text(text)
            }
            '0'..='9' => number(&chars, &mut at),
            '.' if chars.get(at + 1).is_some_and(char::is_ascii_digit) => number(&chars, &mut at),
            '.' if chars.get(at + 1) == Some(&'.') => {
                at += 2;
                Token::DotDot
            }
            '.' => {
                at += 1;
                Token::Dot
            }
            '(' | ')' | ',' | '/' | '+' | '-' | '=' => {
                at += 1;
                match c {
                    '(' => Token::Open,
                    ')' => Token::Close,
                    ',' => Token::Comma,
                    '/' => Token::Slash,
                    '+' => Token::Operator(Operator::Add),
                    '-' => Token::Minus,
                    _ => Token::Operator(Operator::Equal),
                }
            }
            '*' if after_operand => {
                at += 1;
                Token::Operator(Operator::Multiply)
            }
            '!' | '<' | '>' => {
                let with_equal = chars.get(at + 1) == Some(&'=');
                at += 1 + usize::from(with_equal);
                Token::Operator(match (c, with_equal) {
                    ('!', true) => Operator::NotEqual,
                    ('<', false) => Operator::Less,
                    ('<', true) => Operator::LessOrEqual,
                    ('>', false) => Operator::Greater,
                    ('>', true) => Operator::GreaterOrEqual,
                    _ => {
                        return Err(SyntaxError::Unexpected {
                            at: start,
                            found: "!".into(),
                        });
                    }
                })
            }
            _ if is_name_start(c) => {
                let end = chars[at..]
                    .iter()
                    .position(|&c| !is_name_char(c))
                    .map_or(chars.len(), |n| at + n);
                let name: String = chars[at..end].iter().collect();
                at = end;
                let operator = match name.as_str() {
                    "and" => Some(Operator::And),
                    "or" => Some(Operator::Or),
                    "div" => Some(Operator::Divide),
                    "mod" => Some(Operator::Modulo),
                    _ => None,
                };
                match operator {
                    Some(operator) if after_operand => Token::Operator(operator),
                    _ => Token::Name(name),
                }
            }
            _ => {
                return Err(SyntaxError::Unexpected {
                    at,
                    found: c.to_string(),
                });
            }
        };
        tokens.push((start, token));
    }
    Ok(tokens)
}

/// Digits with at most one point (XPath has no exponent).
fn number(chars: &[char], at: &mut usize) -> Token {
    let start = *at;
    let mut seen_point = false;
    while let Some(&c) = chars.get(*at) {
        if c == '.' && !seen_point {
            seen_point = true;
        } else if !c.is_ascii_digit() {
            break;
        }
        *at += 1;
    }
    let text: String = chars[start..*at].iter().collect();
    Token::Number(text.parse().unwrap_or(f64::NAN))
}

struct Parser {
    tokens: Vec<(usize, Token)>,
    next: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next).map(|(_, t)| t)
    }

    fn take(&mut self) -> Result<Token, SyntaxError> {
        let token = self.tokens.get(self.next).map(|(_, t)| t.clone());
        self.next += 1;
        token.ok_or(SyntaxError::UnexpectedEnd)
    }

    fn unexpected(&self) -> SyntaxError {
        match self.tokens.get(self.next) {
            Some((at, token)) => SyntaxError::Unexpected {
                at: *at,
                found: describe(token),
            },
            None => SyntaxError::UnexpectedEnd,
        }
    }

    fn expect(&mut self, wanted: &Token) -> Result<(), SyntaxError> {
        if self.peek() == Some(wanted) {
            self.next += 1;
            Ok(())
        } else {
            Err(self.unexpected())
        }
    }

    /// One level of left-associative binary operators.
    fn binary(
        &mut self,
        operators: &[Operator],
        operand: fn(&mut Parser) -> Result<Expr, SyntaxError>,
    ) -> Result<Expr, SyntaxError> {
        let mut left = operand(self)?;
        loop {
            let operator = match self.peek() {
                Some(Token::Operator(op)) if operators.contains(op) => *op,
                Some(Token::Minus) if operators.contains(&Operator::Subtract) => Operator::Subtract,
                _ => return Ok(left),
            };
            self.next += 1;
            let right = operand(self)?;
            left = Expr::Binary(operator, Box::new(left), Box::new(right));
        }
    }

    fn or(&mut self) -> Result<Expr, SyntaxError> {
        self.binary(&[Operator::Or], Parser::and)
    }

    fn and(&mut self) -> Result<Expr, SyntaxError> {
        self.binary(&[Operator::And], Parser::equality)
    }

    fn equality(&mut self) -> Result<Expr, SyntaxError> {
        self.binary(&[Operator::Equal, Operator::NotEqual], Parser::relational)
    }

    fn relational(&mut self) -> Result<Expr, SyntaxError> {
        use Operator::{Greater, GreaterOrEqual, Less, LessOrEqual};
        self.binary(
            &[Less, LessOrEqual, Greater, GreaterOrEqual],
            Parser::additive,
        )
    }

    fn additive(&mut self) -> Result<Expr, SyntaxError> {
        self.binary(&[Operator::Add, Operator::Subtract], Parser::multiplicative)
    }

    fn multiplicative(&mut self) -> Result<Expr, SyntaxError> {
        use Operator::{Divide, Modulo, Multiply};
        self.binary(&[Multiply, Divide, Modulo], Parser::unary)
    }

    fn unary(&mut self) -> Result<Expr, SyntaxError> {
        if self.peek() == Some(&Token::Minus) {
            self.next += 1;
            return Ok(Expr::Negate(Box::new(self.unary()?)));
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Expr, SyntaxError> {
        let at = self.next;
        match self.take()? {
            Token::Number(n) => Ok(Expr::Number(n)),
            Token::Text(t) => Ok(Expr::Text(t)),
            Token::Reference(name) => Ok(Expr::Reference(name)),
            Token::Open => {
                let inner = self.or()?;
                self.expect(&Token::Close)?;
                Ok(inner)
            }
            Token::Name(name) if self.peek() == Some(&Token::Open) => {
                self.next += 1;
                self.call(name)
            }
            Token::Slash => self.path(true, Vec::new()),
            Token::Name(name) => self.path(false, vec![Step::Child(name)]),
            Token::Dot => self.path(false, vec![Step::Current]),
            Token::DotDot => self.path(false, vec![Step::Parent]),
            _ => {
                self.next = at;
                Err(self.unexpected())
            }
        }
    }

    /// The rest of a path after its first step (or after the leading `/`).
    fn path(&mut self, absolute: bool, mut steps: Vec<Step>) -> Result<Expr, SyntaxError> {
        let mut want_step = absolute;
        loop {
            if want_step {
                match self.peek() {
                    Some(Token::Name(name)) => steps.push(Step::Child(name.clone())),
                    Some(Token::Dot) => steps.push(Step::Current),
                    Some(Token::DotDot) => steps.push(Step::Parent),
                    _ if absolute && steps.is_empty() => break,
                    _ => return Err(self.unexpected()),
                }
                self.next += 1;
            }
            if self.peek() != Some(&Token::Slash) {
                break;
            }
            self.next += 1;
            want_step = true;
        }
        Ok(Expr::Path(Path { absolute, steps }))
    }

    fn call(&mut self, name: String) -> Result<Expr, SyntaxError> {
        let mut arguments = Vec::new();
        if self.peek() == Some(&Token::Close) {
            self.next += 1;
        } else {
            loop {
                arguments.push(self.or()?);
                match self.take()? {
                    Token::Comma => continue,
                    Token::Close => break,
                    _ => {
                        self.next -= 1;
                        return Err(self.unexpected());
                    }
                }
            }
        }
        let Some(arity) = functions::arity(&name) else {
            return Err(SyntaxError::UnknownFunction { name });
        };
        if !arity.admits(arguments.len()) {
            return Err(SyntaxError::WrongArity {
                name,
                expected: arity,
                found: arguments.len(),
            });
        }
        Ok(Expr::Call(name, arguments))
    }
}

impl Expr {
    /// The names `${…}` refers to, each once, in order of appearance.
    pub fn references(&self) -> Vec<&str> {
        let mut names = Vec::new();
        self.visit(&mut |expr| {
            if let Expr::Reference(name) = expr
                && !names.contains(&name.as_str())
            {
                names.push(name.as_str());
            }
        });
        names
    }

    fn visit<'a>(&'a self, see: &mut impl FnMut(&'a Expr)) {
        see(self);
        match self {
            Expr::Negate(inner) => inner.visit(see),
            Expr::Binary(_, left, right) => {
                left.visit(see);
                right.visit(see);
            }
            Expr::Call(_, arguments) => arguments.iter().for_each(|a| a.visit(see)),
            Expr::Number(_) | Expr::Text(_) | Expr::Reference(_) | Expr::Path(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(name: &str) -> Box<Expr> {
        Box::new(Expr::Reference(name.into()))
    }

    #[test]
    fn operators_bind_as_xpath_says() {
        // `and` binds tighter than `or`, `*` than `+`, comparisons between.
        assert_eq!(
            parse("${a} + 2 * 3 > 4 or ${b}").unwrap(),
            Expr::Binary(
                Operator::Or,
                Box::new(Expr::Binary(
                    Operator::Greater,
                    Box::new(Expr::Binary(
                        Operator::Add,
                        reference("a"),
                        Box::new(Expr::Binary(
                            Operator::Multiply,
                            Box::new(Expr::Number(2.0)),
                            Box::new(Expr::Number(3.0)),
                        )),
                    )),
                    Box::new(Expr::Number(4.0)),
                )),
                reference("b"),
            )
        );
    }

    #[test]
    fn operator_names_are_names_where_an_operand_is_expected() {
        // `div` after an operand divides; a question may still be called so.
        assert_eq!(
            parse("${div} div div").unwrap(),
            Expr::Binary(
                Operator::Divide,
                reference("div"),
                Box::new(Expr::Path(Path {
                    absolute: false,
                    steps: vec![Step::Child("div".into())]
                })),
            )
        );
    }

    #[test]
    fn hyphens_belong_to_function_names_and_minus_follows_operands() {
        assert_eq!(
            parse("count-selected(${m})-1").unwrap(),
            Expr::Binary(
                Operator::Subtract,
                Box::new(Expr::Call("count-selected".into(), vec![*reference("m")])),
                Box::new(Expr::Number(1.0)),
            )
        );
        assert_eq!(parse("--1").unwrap(), parse("-(-1)").unwrap());
    }

    #[test]
    fn paths_current_and_parent() {
        let path = |absolute, steps: Vec<Step>| Expr::Path(Path { absolute, steps });
        assert_eq!(parse(".").unwrap(), path(false, vec![Step::Current]));
        assert_eq!(
            parse("/data/g/q").unwrap(),
            path(
                true,
                vec![
                    Step::Child("data".into()),
                    Step::Child("g".into()),
                    Step::Child("q".into())
                ]
            )
        );
        assert_eq!(
            parse("../x").unwrap(),
            path(false, vec![Step::Parent, Step::Child("x".into())])
        );
    }

    #[test]
    fn functions_are_known_by_name_and_arity() {
        assert_eq!(
            parse("pulldata('a', 'b', 'c', 'd')"),
            Err(SyntaxError::UnknownFunction {
                name: "pulldata".into()
            })
        );
        assert!(matches!(
            parse("if(${a}, 1)"),
            Err(SyntaxError::WrongArity { found: 2, .. })
        ));
        assert!(parse("concat()").is_ok());
        assert!(parse("jr:choice-name(${s}, '${s}')").is_ok());
    }

    #[test]
    fn mistakes_say_where() {
        assert_eq!(
            parse("${a} > "),
            Err(SyntaxError::UnexpectedEnd),
            "an operator with nothing after it"
        );
        assert_eq!(
            parse("(1 + 2"),
            Err(SyntaxError::UnexpectedEnd),
            "an unclosed parenthesis"
        );
        assert_eq!(
            parse("1 2"),
            Err(SyntaxError::Unexpected {
                at: 2,
                found: "2".into()
            })
        );
        assert_eq!(parse("'open"), Err(SyntaxError::UnclosedText { at: 0 }));
        assert!(matches!(
            parse("${a} # 1"),
            Err(SyntaxError::Unexpected { at: 5, .. })
        ));
    }

    #[test]
    fn references_are_listed_once_in_order() {
        let expr = parse("if(${b} > ${a}, ${b}, concat(${c}, '${d}'))").unwrap();
        assert_eq!(expr.references(), ["b", "a", "c"]);
    }
}
