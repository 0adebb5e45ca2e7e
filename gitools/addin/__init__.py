"""Excel add-ins: the 校验本工作簿 button, served by xlwings Server or run by a desktop ribbon."""
