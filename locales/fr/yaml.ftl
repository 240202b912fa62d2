# Les fichiers YAML : syntaxe et forme (load/yaml).

yaml-unknown-key = clé inconnue : `{ $key }`
yaml-valid-keys = clés possibles ici : { $valid }
yaml-missing-key = il manque la clé obligatoire `{ $key }`
yaml-missing-key-hint = ajoutez `{ $key }: …` à cet ensemble de clés (voir docs/content-format.md)
yaml-unknown-value = valeur inconnue : `{ $value }`
yaml-use-one-of = écrivez l'une de ces valeurs : { $values }
yaml-expected-kind = ici il faut { $kind ->
        [boolean] true ou false
        [natural] un nombre entier (0 ou plus)
        [integer] un nombre entier
        [number] un nombre
       *[other] une valeur d'un autre type
    }, pas `{ $found }`
yaml-expected-kind-hint = écrivez { $kind ->
        [boolean] true ou false, par exemple `menu: false`
        [natural] un nombre entier (0 ou plus), par exemple `required_total: 23`
        [integer] un nombre entier, par exemple `order: 3`
        [number] un nombre, par exemple `12.5`
       *[other] une valeur du bon type (voir docs/content-format.md)
    }
yaml-empty-text = un texte est vide
yaml-empty-text-hint = écrivez le texte après les deux-points, ou supprimez la clé si elle est facultative
yaml-duplicate-key = la clé `{ $key }` apparaît deux fois dans cet ensemble de clés
yaml-duplicate-key-hint = chaque clé ne peut apparaître qu'une fois au même niveau : supprimez l'une des deux
yaml-wrong-shape = cette valeur n'a pas la forme attendue
yaml-wrong-shape-hint = comparez-la aux exemples de docs/content-format.md
yaml-refused = ce fichier YAML est refusé : il est trop gros, trop imbriqué ou répète trop d'alias
yaml-refused-hint = un fichier de livret n'a besoin de rien de tout cela : écrivez les valeurs en toutes lettres
out-of-range = `{ $key }` vaut { $value }, hors de ses limites : de { $min } à { $max }
range-hint = `{ $key }` est { $key ->
        [order] une position dans les listes
        [required_total] le nombre de compétences à valider
        [max_missing_per_domain] le nombre de compétences non validées permises par domaine
        [lines] l'espace pour écrire, en lignes
        [empty_rows] le nombre de lignes vides
       *[values] un effectif dans un tableau de données
    } : écrivez un nombre entier de { $min } à { $max }
yaml-tab = une tabulation dans l'indentation de la ligne { $line }
yaml-tab-hint = remplacez la tabulation (affichée →) par des espaces : YAML n'indente qu'avec des espaces ; la plupart des éditeurs savent insérer des espaces quand on appuie sur Tab
yaml-unclosed = { $kind ->
        [list] la liste ouverte ici, ligne { $line }, n'est jamais fermée
       *[map] l'ensemble de clés ouvert ici, ligne { $line }, n'est jamais fermé
    }
yaml-unclosed-hint = fermez-la par `{ $close }` sur la même ligne, par exemple `competencies: [A.1.1, A.2.3]`
yaml-unclosed-quote = le guillemet ouvert ici n'est jamais fermé
yaml-unclosed-quote-hint = terminez le texte par le même guillemet, { $quote }, sur la même ligne
yaml-colon-in-text = deux-points suivis d'une espace dans un texte : YAML lit la suite comme une nouvelle clé
yaml-colon-in-text-hint = mettez tout le texte entre guillemets : `{ $fixed }`
yaml-indent = la ligne { $line } est décalée de { $spaces ->
        [one] { $spaces } espace
       *[other] { $spaces } espaces
    } { $direction ->
        [more] de plus
       *[less] de moins
    } que `{ $other }` (ligne { $other_line })
yaml-indent-hint = { $direction ->
        [more] enlevez
       *[less] ajoutez
    } { $spaces ->
        [one] { $spaces } espace
       *[other] { $spaces } espaces
    } en début de ligne, pour aligner `{ $key }` sur `{ $other }`
yaml-syntax = le YAML est incorrect à la ligne { $line }
yaml-syntax-hint = regardez cette ligne et celle du dessus : indentation avec des espaces seulement, deux-points et une espace après chaque clé, guillemets fermés
yaml-empty-file = { $kind ->
        [settings] le fichier des réglages est vide
        [referentiel] le fichier du référentiel est vide
        [activity] le fichier de l'activité est vide
        [fiche] le fichier du modèle de fiche est vide
        [data] le fichier du tableau de données est vide
       *[page] l'en-tête de la page est vide
    }
yaml-empty-file-hint = écrivez au moins ces clés : { $keys } (voir docs/content-format.md)
yaml-wrong-type = `{ $key }` doit être { $expected ->
        [list] une liste
        [mapping] un ensemble de clés
        [text] un texte
        [integer] un nombre entier
        [number] un nombre
        [boolean] true ou false
       *[other] d'une autre forme
    }, pas { $found ->
        [list] une liste
        [mapping] un ensemble de clés
        [text] le texte `{ $value }`
        [number] le nombre `{ $value }`
        [boolean] `{ $value }`
        [nothing] rien
       *[other] cela
    }
yaml-wrong-type-hint = { $expected ->
        [list] écrivez une liste, même d'un seul élément : `{ $key }: [{ $value }]`, ou un `- { $first }` par ligne sous `{ $key }:`
        [mapping] écrivez les clés de `{ $key }` sur les lignes suivantes, décalées de deux espaces (voir docs/content-format.md)
        [text] écrivez un texte : `{ $key }: "{ $value }"`
        [integer] écrivez un nombre entier, par exemple `{ $key }: 3`
        [number] écrivez un nombre, par exemple `{ $key }: 12.5`
        [boolean] écrivez true ou false, par exemple `{ $key }: false`
       *[other] comparez avec les exemples de docs/content-format.md
    }
yaml-unknown-block = type de bloc inconnu : `{ $kind }`
yaml-block-kinds = les types de bloc sont : { $kinds }
yaml-wrong-form = `{ $key }` n'a aucune des formes possibles
