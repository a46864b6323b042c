"""Many charter files brought in at once: a folder, a zip or many uploads, each matched to its
office and written as that office's draft, off the request, with a report per file."""
