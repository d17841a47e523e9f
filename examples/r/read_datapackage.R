# Read the sinorus data package in R, with each column of its stated type.
#
# The data package is a folder of CSV files and a datapackage.json that
# describes them (a Frictionless tabular data package). Write it with
#
#     python -c "import sinorus; sinorus.export(None, 'sinorus-data')"
#
# and run this script from the folder that holds sinorus-data:
#
#     Rscript read_datapackage.R sinorus-data
#
# It needs only base R and the jsonlite package (install.packages("jsonlite")).
# The frictionless R package reads the same folder too:
#     frictionless::read_resource(frictionless::read_package("sinorus-data/datapackage.json"),
#                                 "panel_year")
#
# The project's tests do not run R, so this script is not checked by them;
# it follows the descriptor's field types: string, integer, number,
# boolean ("true"/"false") and date (ISO, 2001-07-16). Missing values are
# empty cells.

library(jsonlite)

args <- commandArgs(trailingOnly = TRUE)
folder <- if (length(args) > 0) args[[1]] else "sinorus-data"

descriptor <- fromJSON(file.path(folder, "datapackage.json"), simplifyVector = FALSE)
cat("sinorus data version", descriptor$version, "-", descriptor$licenses[[1]]$title, "\n")

# The R class to read each Table Schema type as.
r_class <- c(
  string = "character",
  integer = "integer",
  number = "numeric",
  boolean = "logical",
  date = "character" # read as text, then turned into Date below
)

read_resource <- function(resource) {
  fields <- resource$schema$fields
  field_names <- vapply(fields, function(f) f$name, "")
  types <- vapply(fields, function(f) f$type, "")
  table <- read.csv(
    file.path(folder, resource$path),
    colClasses = unname(r_class[types]),
    na.strings = "", # an empty cell is a missing value
    encoding = "UTF-8",
    fileEncoding = "UTF-8",
    check.names = FALSE
  )
  stopifnot(identical(names(table), field_names))
  for (i in which(types == "date")) {
    table[[i]] <- as.Date(table[[i]])
  }
  table
}

resources <- descriptor$resources
data <- setNames(lapply(resources, read_resource), vapply(resources, function(r) r$name, ""))
cat("tables:", paste(names(data), collapse = ", "), "\n")

# The dyad-year panel: one row per year; counts are NA where the series is not
# complete for the year (see docs/codebook.md), never 0.
panel <- data$panel_year
print(panel[panel$year %in% c(1960, 1985, 2014, 2018),
            c("year", "phase_id", "level_rung", "alliance", "exercises", "trade_total_usd_bn")])

# Lists of names are ";"-joined in the record tables ...
agreements <- data$agreements
agreements$party_list <- strsplit(agreements$parties, ";", fixed = TRUE)
# ... and one row each in the link tables, which join on the record's id.
parties <- merge(data$agreement_parties, agreements[, c("id", "name", "signed")],
                 by.x = "record_id", by.y = "id")
print(head(parties[order(parties$signed, parties$record_id, parties$position), ], 6))

# The sources of one record, in the record's order.
sources <- merge(data$record_sources[data$record_sources$record_id == "vostok-2018", ],
                 data$sources, by = "source_id")
print(sources[order(sources$position), c("position", "title", "url")])
