# The YAML files: syntax and shape (load/yaml).

yaml-unknown-key = unknown key `{ $key }`
yaml-valid-keys = valid keys here: { $valid }
yaml-missing-key = missing required key `{ $key }`
yaml-missing-key-hint = add `{ $key }: …` to this mapping (see docs/content-format.md)
yaml-unknown-value = unknown value `{ $value }`
yaml-use-one-of = use one of: { $values }
yaml-expected-kind = expected { $kind ->
        [boolean] true or false
        [natural] a whole number (0 or more)
        [integer] a whole number
        [number] a number
       *[other] a value of another type
    }, found `{ $found }`
yaml-expected-kind-hint = write { $kind ->
        [boolean] true or false here, e.g. `menu: false`
        [natural] a whole number (0 or more) here, e.g. `required_total: 23`
        [integer] a whole number here, e.g. `order: 3`
        [number] a number here, e.g. `12.5`
       *[other] a value of the right type here (see docs/content-format.md)
    }
yaml-empty-text = a text value is empty
yaml-empty-text-hint = write the text after the colon, or remove the key if it is optional
yaml-duplicate-key = the key `{ $key }` appears twice in this mapping
yaml-duplicate-key-hint = each key may appear once in a mapping; remove one
yaml-wrong-shape = this value does not have the expected form
yaml-wrong-shape-hint = compare it with the examples of docs/content-format.md
yaml-refused = this YAML file is refused: it is too large, too deeply nested or repeats too many aliases
yaml-refused-hint = a handbook file needs none of that: write the values out plainly
out-of-range = `{ $key }` is { $value }, out of its range: from { $min } to { $max }
range-hint = `{ $key }` is { $key ->
        [order] a position in the lists
        [required_total] the number of competencies to validate
        [max_missing_per_domain] the non-validated competencies allowed per domain
        [lines] the writing space, in lines
        [empty_rows] the number of empty rows
       *[values] a count in a data table
    }: write a whole number from { $min } to { $max }
yaml-tab = a tab in the indentation of line { $line }
yaml-tab-hint = replace the tab (shown as →) by spaces: YAML indents with spaces only; most editors can insert spaces when you press Tab
yaml-unclosed = the { $kind ->
        [list] list
       *[map] mapping
    } opened here, on line { $line }, is never closed
yaml-unclosed-hint = close it with `{ $close }` on the same line, e.g. `competencies: [A.1.1, A.2.3]`
yaml-unclosed-quote = the quotation mark opened here is never closed
yaml-unclosed-quote-hint = end the text with the same mark, { $quote }, on the same line
yaml-colon-in-text = a colon followed by a space inside a text: YAML reads what follows as a new key
yaml-colon-in-text-hint = put the whole text between quotation marks: `{ $fixed }`
yaml-indent = line { $line } is indented { $spaces ->
        [one] 1 space
       *[other] { $spaces } spaces
    } { $direction ->
        [more] more
       *[less] less
    } than `{ $other }` on line { $other_line }
yaml-indent-hint = { $direction ->
        [more] remove
       *[less] add
    } { $spaces ->
        [one] 1 space
       *[other] { $spaces } spaces
    } at the start of the line, so that `{ $key }` lines up with `{ $other }`
yaml-syntax = the YAML is broken at line { $line }
yaml-syntax-hint = look at this line and the one above: indentation with spaces only, a colon and a space after each key, quotation marks closed
yaml-empty-file = the { $kind ->
        [settings] settings file
        [referentiel] référentiel file
        [activity] activity file
        [fiche] fiche model file
        [data] data table file
       *[page] page's front matter
    } is empty
yaml-empty-file-hint = write at least these keys: { $keys } (see docs/content-format.md)
yaml-wrong-type = `{ $key }` must be { $expected ->
        [list] a list
        [mapping] a set of keys (a mapping)
        [text] a text
        [integer] a whole number
        [number] a number
        [boolean] true or false
       *[other] of another form
    }, not { $found ->
        [list] a list
        [mapping] a set of keys
        [text] the text `{ $value }`
        [number] the number `{ $value }`
        [boolean] `{ $value }`
        [nothing] nothing
       *[other] this
    }
yaml-wrong-type-hint = { $expected ->
        [list] write a list, even of one item: `{ $key }: [{ $value }]`, or one `- { $first }` per line under `{ $key }:`
        [mapping] write the keys of `{ $key }` on the lines below it, indented by two spaces (see docs/content-format.md)
        [text] write a text: `{ $key }: "{ $value }"`
        [integer] write a whole number, e.g. `{ $key }: 3`
        [number] write a number, e.g. `{ $key }: 12.5`
        [boolean] write true or false, e.g. `{ $key }: false`
       *[other] compare it with the examples of docs/content-format.md
    }
yaml-unknown-block = unknown kind of block `{ $kind }`
yaml-block-kinds = the kinds of block are: { $kinds }
yaml-wrong-form = `{ $key }` does not have any of the forms it may take
