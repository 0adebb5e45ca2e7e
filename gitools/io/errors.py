"""Operating-system errors in plain Chinese: a clerk should never read "Errno 13"."""

from __future__ import annotations

import errno

_REASONS = {
    errno.ENOENT: "文件或文件夹不存在",
    errno.EISDIR: "这是一个文件夹，不是文件",
    errno.ENOTDIR: "路径中的某一级不是文件夹",
    errno.EACCES: "没有访问权限",
    errno.EPERM: "操作不被允许（没有权限）",
    errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "磁盘配额已用完",
    errno.EROFS: "磁盘或文件夹是只读的",
    errno.EEXIST: "文件已存在",
    errno.ENAMETOOLONG: "文件名过长",
    errno.EBUSY: "文件正被其他程序占用",
    errno.EMFILE: "同时打开的文件过多",
    errno.EIO: "磁盘读写出错",
    errno.EINVAL: "文件名或路径无效",
    errno.ETXTBSY: "文件正被其他程序占用",
    errno.EADDRINUSE: "端口已被占用",
    errno.EADDRNOTAVAIL: "本机没有这个地址",
}


def os_reason(err: OSError) -> str:
    """Why an operation on a file failed, in Chinese; the system's own words only as a last resort."""
    if getattr(err, "winerror", None) == 32:  # Windows: the file is open in Excel or WPS
        return "文件正被其他程序（如 Excel、WPS）打开，请关闭后重试"
    reason = _REASONS.get(err.errno or -1)
    if reason:
        return reason
    return f"系统错误（{err.strerror or type(err).__name__}）"


def describe(err: OSError, path: object = None) -> str:
    """``path``: reason — the line the command line prints for a failed read or write."""
    where = path if path is not None else err.filename
    return f"{where}：{os_reason(err)}" if where is not None else os_reason(err)
