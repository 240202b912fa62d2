//! The values a page's template is given, as one object: the page's own (its path, title,
//! neighbours, content…), those of its kind (an activity, a competency, a chapter's tables) and
//! the base every page shares, in that order of precedence.
//!
//! Why not minijinja's merge (`context! { ..a, ..b }`): a merged map answers a name by making a
//! key value and asking each map in turn, nested once per merge, and a page's templates ask for
//! about 160 names, the catalogue's `t` (in none of them) the most often. This object asks each
//! layer for the name as a string, once. It holds values only: it decides nothing the templates
//! print.

use std::collections::BTreeSet;
use std::sync::Arc;

use minijinja::Value;
use minijinja::value::{Enumerator, Object};

/// The layers of a page's values, the first holding a name winning.
#[derive(Debug)]
pub(super) struct PageValues {
    layers: [Value; 3],
}

impl PageValues {
    /// `own` and `kind` are maps (`context!`), or undefined for a layer a page lacks; `base` is
    /// made by [`base`].
    pub(super) fn value(own: Value, kind: Value, base: Value) -> Value {
        Value::from_object(PageValues {
            layers: [own, kind, base],
        })
    }
}

/// The values every page shares, found by hash: most names a template asks for (`t`, `root`,
/// `page`) are not among them, and each page asks the base for every one.
#[derive(Debug)]
struct Base(foldhash::HashMap<Arc<str>, Value>);

/// The shared values of a map (`context!`), indexed once for every page's lookups.
pub(super) fn base(map: &Value) -> Value {
    let names = map.try_iter().into_iter().flatten();
    let values = names.filter_map(|name| {
        let value = map.get_item(&name).ok()?;
        Some((Arc::from(name.as_str()?), value))
    });
    Value::from_object(Base(values.collect()))
}

impl Object for Base {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.get_value_by_str(key.as_str()?)
    }

    fn get_value_by_str(self: &Arc<Self>, key: &str) -> Option<Value> {
        self.0.get(key).cloned()
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        let mut names: Vec<Value> = self.0.keys().map(|name| Value::from(&**name)).collect();
        names.sort();
        Enumerator::Values(names)
    }
}

impl Object for PageValues {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.get_value_by_str(key.as_str()?)
    }

    fn get_value_by_str(self: &Arc<Self>, key: &str) -> Option<Value> {
        // As minijinja's merge: an undefined value in a layer lets the next one answer.
        self.layers.iter().find_map(|layer| {
            let value = layer.as_object()?.get_value_by_str(key)?;
            (!value.is_undefined()).then_some(value)
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        let names: BTreeSet<Value> = self
            .layers
            .iter()
            .filter_map(|layer| layer.try_iter().ok())
            .flatten()
            .collect();
        Enumerator::Values(names.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use minijinja::{Environment, context};

    use super::*;

    /// The object answers as the merge it replaces: the first layer holding a name wins, an
    /// undefined value or a missing layer lets the next answer, a name in none is undefined.
    #[test]
    fn a_name_is_answered_by_the_first_layer_that_holds_it() {
        let own = context! { title => "own", hole => Value::UNDEFINED };
        let kind = context! { title => "kind", hole => "kind", kind_only => 2 };
        let base = context! { title => "base", base_only => 3 };
        let values = PageValues::value(own.clone(), kind.clone(), super::base(&base));
        let merged = context! { ..own, ..kind, ..base.clone() };
        let template = "{{ title }} {{ hole }} {{ kind_only }} {{ base_only }} \
                        {{ missing is defined }} {{ t }}";
        let mut env = Environment::new();
        env.add_global("t", "global");
        for ctx in [values.clone(), merged] {
            let rendered = env.render_str(template, ctx).unwrap();
            assert_eq!(rendered, "own kind 2 3 False global");
        }
        let without_kind = PageValues::value(
            context! { title => "own" },
            Value::UNDEFINED,
            super::base(&base),
        );
        let rendered = env.render_str("{{ title }} {{ base_only }}", without_kind);
        assert_eq!(rendered.unwrap(), "own 3");
        let names: Vec<String> = values.try_iter().unwrap().map(|n| n.to_string()).collect();
        assert_eq!(names, ["base_only", "hole", "kind_only", "title"]);
    }
}
