# Names of the site's own folders, pages and files (without extension) and anchors' prefixes, in
# the handbook's language. Letters, digits and hyphens only: they go into addresses.
path-activities = activities
path-competencies = competencies
path-search = search
path-print = print
path-calendar = calendar
path-matrix = matrix
path-domain-anchor = domain
path-matrix-anchor = matrix
