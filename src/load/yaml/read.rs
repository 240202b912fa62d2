//! A checked tree read into its typed value, so that a file without mistakes is parsed once.
//!
//! serde-saphyr's reading stays the reference. This reader takes only the paths on which it
//! gives the value serde-saphyr gives: text (plain or quoted, not nothing), YAML 1.2's booleans,
//! decimal whole numbers, lists, mappings whose keys are distinct texts, enum names, and
//! `Spanned` values located where serde-saphyr locates them. On anything else (tags, aliases,
//! nothing where a value is due, leading zeros, other numbers, a key written twice, `<<`) it
//! gives up, and serde-saphyr parses the file again. It must not judge the content: the shape
//! check has done that.

use std::collections::HashSet;
use std::fmt;
use std::slice;

use serde::de::value::StrDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};
use serde_saphyr::granit_parser::Span;

use super::tree::{Document, Kind, MAX_NODES, Node, boolean, means_nothing};

/// The names serde-saphyr's `Spanned` is deserialized under: its newtype's name, then the first
/// key of the map it reads, which marks a map its own deserializer made. They are its own
/// (version 2.2): should they change, a `Spanned` value read here would lose its location, and
/// the tests, which compare locations, fail.
const SPANNED: &str = "__yaml_spanned";
const SPANNED_MARKER: &str = "__serde_saphyr_private_spanned";

/// The value of a text's one document, or `None` where serde-saphyr must read it: where more
/// than one document is written, or so many nodes that its budget of events, which the tree
/// does not count, might be reached (two events a collection: its start and its end).
pub fn read<T: DeserializeOwned>(document: &Document) -> Option<T> {
    let within_budgets = !document.followed && document.nodes <= MAX_NODES / 2;
    let root = document.root.as_ref().filter(|_| within_budgets)?;
    T::deserialize(Reader(root)).ok()
}

/// The reader gave up (why does not matter: serde-saphyr reads the file then).
#[derive(Debug)]
pub struct GiveUp;

impl fmt::Display for GiveUp {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("left to serde-saphyr")
    }
}

impl std::error::Error for GiveUp {}

impl de::Error for GiveUp {
    fn custom<T: fmt::Display>(_: T) -> Self {
        GiveUp
    }
}

#[derive(Clone, Copy)]
struct Reader<'a>(&'a Node);

impl<'a> Reader<'a> {
    /// The node itself, unless serde-saphyr reads it its own way. An alias is left to it
    /// whole: its budgets count aliases and anchors, and its `Spanned` locates a value where
    /// the alias is.
    fn usual(self) -> Result<&'a Node, GiveUp> {
        if self.0.tagged || self.0.alias {
            Err(GiveUp)
        } else {
            Ok(self.0)
        }
    }

    /// A scalar's text, unless it means nothing.
    fn text(self) -> Result<&'a str, GiveUp> {
        match &self.usual()?.kind {
            Kind::Scalar { text, plain } if !(*plain && means_nothing(text)) => Ok(text),
            _ => Err(GiveUp),
        }
    }

    /// A plain scalar's text.
    fn plain(self) -> Result<&'a str, GiveUp> {
        match &self.usual()?.kind {
            Kind::Scalar { text, plain: true } => Ok(text),
            _ => Err(GiveUp),
        }
    }

    /// A whole number written in decimal, without leading zeros; with a sign only where it may
    /// be negative.
    fn whole(self, signed: bool) -> Result<i64, GiveUp> {
        let text = self.plain()?;
        let digits = match text.strip_prefix(['-', '+']) {
            Some(_) if !signed => return Err(GiveUp),
            Some(digits) => digits,
            None => text,
        };
        let decimal = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0'));
        if !decimal {
            return Err(GiveUp);
        }
        text.parse().map_err(|_| GiveUp)
    }

    fn pairs(self) -> Result<Pairs<'a>, GiveUp> {
        match &self.usual()?.kind {
            Kind::Map(pairs) => {
                distinct_keys(pairs)?;
                Ok(Pairs {
                    pairs: pairs.iter(),
                    value: None,
                })
            }
            _ => Err(GiveUp),
        }
    }

    fn items(self) -> Result<Items<'a>, GiveUp> {
        match &self.usual()?.kind {
            Kind::Seq(items) => Ok(Items(items.iter())),
            _ => Err(GiveUp),
        }
    }
}

/// Gives up unless a mapping's keys are texts written once each, none of them a merge key
/// (`<<`, which serde-saphyr merges).
fn distinct_keys(pairs: &[(Node, Node)]) -> Result<(), GiveUp> {
    let mut seen = HashSet::with_capacity(pairs.len());
    for (key, _) in pairs {
        let key = Reader(key).text()?;
        if key == "<<" || !seen.insert(key) {
            return Err(GiveUp);
        }
    }
    Ok(())
}

macro_rules! whole_numbers {
    ($signed:literal: $($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
                visitor.visit_i64(self.whole($signed)?)
            }
        )*
    };
}

macro_rules! given_up {
    ($($method:ident)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, _: V) -> Result<V::Value, GiveUp> {
                Err(GiveUp)
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for Reader<'_> {
    type Error = GiveUp;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        match &self.usual()?.kind {
            Kind::Map(_) => visitor.visit_map(self.pairs()?),
            Kind::Seq(_) => visitor.visit_seq(self.items()?),
            Kind::Scalar { text, plain: false } => visitor.visit_str(text),
            _ => Err(GiveUp),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        visitor.visit_bool(boolean(self.plain()?).ok_or(GiveUp)?)
    }

    whole_numbers!(true: deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64);
    whole_numbers!(false: deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64);

    given_up!(deserialize_f32 deserialize_f64 deserialize_char deserialize_bytes
        deserialize_byte_buf deserialize_unit deserialize_ignored_any);

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        visitor.visit_str(self.text()?)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        match self.plain() {
            Ok(text) if means_nothing(text) => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value, GiveUp> {
        Err(GiveUp)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, GiveUp> {
        if name == SPANNED {
            visitor.visit_newtype_struct(Located(self.usual()?))
        } else {
            visitor.visit_newtype_struct(self)
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        visitor.visit_seq(self.items()?)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, GiveUp> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, GiveUp> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        visitor.visit_map(self.pairs()?)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, GiveUp> {
        self.deserialize_map(visitor)
    }

    /// A unit variant by its name, or any variant as a mapping of one key.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, GiveUp> {
        match &self.usual()?.kind {
            Kind::Scalar { .. } => {
                let name: StrDeserializer<GiveUp> = self.text()?.into_deserializer();
                visitor.visit_enum(name)
            }
            Kind::Map(pairs) if pairs.len() == 1 => visitor.visit_enum(Variant(&pairs[0])),
            _ => Err(GiveUp),
        }
    }
}

/// A mapping's pairs, in the order written.
struct Pairs<'a> {
    pairs: slice::Iter<'a, (Node, Node)>,
    value: Option<&'a Node>,
}

impl<'de> MapAccess<'de> for Pairs<'_> {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, GiveUp> {
        let Some((key, value)) = self.pairs.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        seed.deserialize(Reader(key)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, GiveUp> {
        seed.deserialize(Reader(self.value.take().ok_or(GiveUp)?))
    }
}

/// A list's items.
struct Items<'a>(slice::Iter<'a, Node>);

impl<'de> SeqAccess<'de> for Items<'_> {
    type Error = GiveUp;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, GiveUp> {
        self.0
            .next()
            .map(|item| seed.deserialize(Reader(item)))
            .transpose()
    }
}

/// A variant written as a mapping of one key: `- heading: Le titre`.
struct Variant<'a>(&'a (Node, Node));

impl<'de, 'a> EnumAccess<'de> for Variant<'a> {
    type Error = GiveUp;
    type Variant = Reader<'a>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Reader<'a>), GiveUp> {
        let (key, value) = self.0;
        Ok((seed.deserialize(Reader(key))?, Reader(value)))
    }
}

impl<'de> VariantAccess<'de> for Reader<'_> {
    type Error = GiveUp;

    fn unit_variant(self) -> Result<(), GiveUp> {
        Err(GiveUp)
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, GiveUp> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, GiveUp> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, GiveUp> {
        de::Deserializer::deserialize_map(self, visitor)
    }
}

/// A node for serde-saphyr's `Spanned`: the map its own deserializer makes, the marker first,
/// then the value and where it is, twice (where it is used and where it is defined, the same
/// place for a node that is not an alias).
struct Located<'a>(&'a Node);

impl<'de> de::Deserializer<'de> for Located<'_> {
    type Error = GiveUp;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, GiveUp> {
        visitor.visit_map(LocatedFields {
            node: self.0,
            next: 0,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

struct LocatedFields<'a> {
    node: &'a Node,
    next: usize,
}

const LOCATED_FIELDS: [&str; 4] = [SPANNED_MARKER, "value", "referenced", "defined"];

impl<'de> MapAccess<'de> for LocatedFields<'_> {
    type Error = GiveUp;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, GiveUp> {
        let Some(&key) = LOCATED_FIELDS.get(self.next) else {
            return Ok(None);
        };
        self.next += 1;
        let key: StrDeserializer<GiveUp> = key.into_deserializer();
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, GiveUp> {
        match LOCATED_FIELDS[self.next - 1] {
            SPANNED_MARKER => seed.deserialize(().into_deserializer()),
            "value" => seed.deserialize(Reader(self.node)),
            _ => seed
                .deserialize(location(&self.node.event))
                .map_err(|_| GiveUp),
        }
    }
}

/// serde-saphyr's `Location` of an event, as it makes it from the parser's span (its line, its
/// column from 1, its offset and length in characters and in bytes).
fn location(span: &Span) -> serde_json::Value {
    let (start, end) = (span.start, span.end);
    let bytes = start.byte_offset().zip(end.byte_offset());
    let mut located = serde_json::json!({
        "line": start.line(),
        "column": start.col() + 1,
        "span": { "offset": start.index(), "len": span.len() },
    });
    if let Some((from, to)) = bytes {
        located["span"]["byte_info"] = serde_json::json!([from, to.saturating_sub(from)]);
    }
    located
}

#[cfg(test)]
mod tests;
