"""Work off the UI thread: the one Job / LatestJob mechanism, and the folder indexer, the site
checker and the render service built on it."""

from editor.ui.jobs.indexer import Indexer
from editor.ui.jobs.job import Job, LatestJob, Tickets
from editor.ui.jobs.render_service import RenderService
from editor.ui.jobs.site_checker import SiteChecker
from editor.ui.jobs.still_folder import still_copy

__all__ = ["Indexer", "Job", "LatestJob", "RenderService", "SiteChecker", "Tickets", "still_copy"]
