using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Mindhunters.Api
{
    /// <summary>
    /// A read-only view of a response body that stops reading the moment it crosses <see cref="Limit"/> bytes, so a
    /// decompression bomb or an endless chunked body costs at most the limit, never the process's memory.
    /// </summary>
    internal sealed class LimitedStream : Stream
    {
        private readonly Stream _inner;
        private long _read;

        public LimitedStream(Stream inner, long limit)
        {
            _inner = inner;
            Limit = limit;
        }

        public long Limit { get; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

        private int Count(int read)
        {
            _read += read;
            if (_read > Limit) throw new ResponseTooLargeException(Limit);
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
