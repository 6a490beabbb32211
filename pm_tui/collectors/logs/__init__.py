"""The log reader: one log file in any usual format, bounded to the incident window.

collect.py                 the collector: detect, jump to the window, stream, bucket
file_reader.py             opening plain/gzip files, cutting long lines, bisecting by offset
line_formats.py            detecting a file's format and parsing its lines
timestamps.py              machine timestamps in log lines, as aware UTC datetimes
json_lines.py              JSON-lines records, their time read before decoding
access_buckets.py          access logs aggregated into 10-second buckets
access_fast_scan.py        the C-speed scan of a chunk of access-log lines
access_range.py            aggregating one byte range of an access log
access_parallel.py         aggregating a big access log on several cores
access_reader_process.py   the reader process those cores run
"""
