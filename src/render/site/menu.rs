//! The site menu as `menu.html` renders it, once per place in it. Two pages' menus differ only by
//! their root, the menu entry each is (if any) and the menu entries among its ancestors: the
//! thousands of pages that share these share one rendering (the menu's loop was about a tenth of
//! a large build's instructions). The fragment is given the place and the values every page
//! shares, never a page's own, so that sharing it holds whatever the template prints. It decides
//! nothing the menu shows: `menu.html` does.

use std::collections::HashSet;
use std::sync::RwLock;

use minijinja::{Environment, Value, context};

use super::values::PageValues;
use crate::render::views::{Link, MenuEntry};

/// The template that renders the menu.
pub const MENU_TEMPLATE: &str = "menu.html";

/// A place in the menu: what `menu.html` is given besides the shared values.
#[derive(PartialEq, Eq, Hash)]
struct Place {
    root: String,
    /// The page's path, when the page is a menu entry.
    current: Option<String>,
    /// The paths of the page's ancestors (the home page aside) that are menu entries.
    ancestors: Vec<String>,
}

/// The menu rendered for each place met, for one rendering of the site.
pub(super) struct Menus<'a> {
    env: &'a Environment<'a>,
    base: &'a Value,
    /// The paths of the menu's entries, a part's pages included.
    paths: HashSet<String>,
    rendered: RwLock<foldhash::HashMap<Place, Value>>,
}

impl<'a> Menus<'a> {
    pub fn new(env: &'a Environment<'a>, base: &'a Value, menu: &[MenuEntry]) -> Self {
        let entries = menu.iter().filter_map(|entry| entry.path.clone());
        let items = menu.iter().flat_map(|entry| &entry.items);
        Menus {
            env,
            base,
            paths: entries.chain(items.map(|item| item.path.clone())).collect(),
            rendered: RwLock::default(),
        }
    }

    /// The menu of the page at `path`, with `root` and `breadcrumbs` (the home page first), as
    /// safe HTML.
    pub fn html(
        &self,
        root: &str,
        path: &str,
        breadcrumbs: &[Link],
    ) -> Result<Value, minijinja::Error> {
        let in_menu = |path: &str| self.paths.contains(path).then(|| path.to_owned());
        let place = Place {
            root: root.to_owned(),
            current: in_menu(path),
            ancestors: breadcrumbs
                .iter()
                .skip(1)
                .filter_map(|crumb| in_menu(&crumb.path))
                .collect(),
        };
        if let Some(html) = self
            .rendered
            .read()
            .ok()
            .and_then(|r| r.get(&place).cloned())
        {
            return Ok(html);
        }
        let own = context! {
            root => &place.root,
            current => &place.current,
            ancestors => &place.ancestors,
        };
        let values = PageValues::value(own, Value::UNDEFINED, self.base.clone());
        let html = self.env.get_template(MENU_TEMPLATE)?.render(values)?;
        let html = Value::from_safe_string(html);
        if let Ok(mut rendered) = self.rendered.write() {
            rendered.insert(place, html.clone());
        }
        Ok(html)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::site::values;

    fn link(path: &str) -> Link {
        Link {
            title: path.to_owned(),
            path: path.to_owned(),
        }
    }

    /// The fragment sees the page's place (its entry, its ancestors among the entries), not its
    /// path, so pages at the same place share one rendering and a page elsewhere gets its own.
    #[test]
    fn pages_at_the_same_place_share_one_rendering() {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
        let template = "{{ root }}|{{ current }}|{{ ancestors|join(',') }}|{{ menu|length }}";
        env.add_template(MENU_TEMPLATE, template).unwrap();
        let menu = vec![
            MenuEntry {
                title: "Home".into(),
                path: Some("index.html".into()),
                items: vec![],
            },
            MenuEntry {
                title: "Part".into(),
                path: None,
                items: vec![link("a.html"), link("b.html")],
            },
        ];
        let base = values::base(&context! { menu => minijinja::value::Serde(&menu) });
        let menus = Menus::new(&env, &base, &menu);
        let home = [link("index.html")];
        let under_a = [link("index.html"), link("a.html"), link("x.html")];
        let html = |root, path, crumbs: &[Link]| menus.html(root, path, crumbs).unwrap();
        assert_eq!(html("", "x.html", &home).as_str(), Some("|None||2"));
        assert_eq!(html("", "y.html", &home).as_str(), Some("|None||2"));
        assert_eq!(html("../", "y.html", &home).as_str(), Some("../|None||2"));
        assert_eq!(html("", "a.html", &home).as_str(), Some("|a.html||2"));
        assert_eq!(
            html("", "z.html", &under_a).as_str(),
            Some("|None|a.html|2")
        );
        // The home page, first of every trail, is not an ancestor.
        assert_eq!(html("", "index.html", &[]).as_str(), Some("|index.html||2"));
        assert!(html("", "y.html", &home).is_safe());
        assert_eq!(menus.rendered.read().unwrap().len(), 5);
    }
}
