# Names of the site's own folders, pages and files (without extension) and anchors' prefixes, in
# the handbook's language. Letters, digits and hyphens only: they go into addresses.
path-activities = activites
path-competencies = competences
path-search = recherche
path-print = impression
path-calendar = calendrier
path-matrix = matrice
path-domain-anchor = domaine
path-matrix-anchor = matrice
