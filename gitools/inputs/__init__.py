"""Files → Submissions: the registry of file kinds (``kinds``), the workbook reader
(``workbook``), the importer of published reports (``published``), our own sheets read back
(``explanations``, ``summary``), rosters and settings. Every command reads through ``read``."""
