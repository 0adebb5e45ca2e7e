"""The publishable annual report (年度报告) in the layout of 国办公开办函〔2021〕30号: its content
as blocks (``content``), its table grids (``layout``), and one writer per format (``word``,
``html``), registered in ``outputs.DOCUMENTS``. ``jobs.publish`` validates first."""
