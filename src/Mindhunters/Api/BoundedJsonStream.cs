using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Mindhunters.Api
{
    /// <summary>
    /// A read-only view of a JSON answer that counts, as the bytes pass, what they will build: bytes, JSON values (each
    /// '{', '[' and ',' outside a string), nesting depth and a page's items (the objects of an array at the depth of
    /// "data.items"), and charges them to a <see cref="PageAllowance"/>. Reading stops the moment a limit is crossed,
    /// before the parser has built anything from the bytes (it reads a page's data whole before it converts it): a
    /// decompression bomb, an endless body, millions of {} or more items than asked for cost the limit, never the
    /// process's memory.
    /// </summary>
    internal sealed class BoundedJsonStream : Stream
    {
        // {"data": {"items": [ {item}: an item opens an object at this depth, inside an array.
        private const int ItemDepth = 4;

        private readonly Stream _inner;
        private readonly PageAllowance _allowance;
        private readonly int _maxItems;
        private readonly bool[] _isArray = new bool[ReadLimits.MaxDepth + 1];
        private long _read;
        private int _depth;
        private int _itemsStarted;
        private bool _inString;
        private bool _escaped;

        /// <param name="maxItems">A page's per_page: a server that sends more is refused at once.</param>
        public BoundedJsonStream(Stream inner, PageAllowance allowance, int maxItems = int.MaxValue)
        {
            _inner = inner;
            _allowance = allowance;
            _maxItems = maxItems;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(buffer, offset, _inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(buffer, offset, await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

        private int Count(byte[] buffer, int offset, int read)
        {
            long values = 0;
            for (int i = offset; i < offset + read; i++)
            {
                byte b = buffer[i];
                if (_inString)
                {
                    if (_escaped) _escaped = false;
                    else if (b == (byte)'\\') _escaped = true;
                    else if (b == (byte)'"') _inString = false;
                    continue;
                }
                switch (b)
                {
                    case (byte)'"':
                        _inString = true;
                        break;
                    case (byte)'{':
                    case (byte)'[':
                        values++;
                        if (++_depth > ReadLimits.MaxDepth)
                        {
                            throw new ResponseTooLargeException($"it nests deeper than the {ReadLimits.MaxDepth} levels the module reads", PageSizeRefusal.None, _itemsStarted);
                        }
                        _isArray[_depth] = b == (byte)'[';
                        if (_depth == ItemDepth && b == (byte)'{' && _isArray[ItemDepth - 1] && ++_itemsStarted > _maxItems) throw new TooManyItemsException(_maxItems);
                        break;
                    case (byte)'}':
                    case (byte)']':
                        // Not below 0: what a broken body closes too often is the parser's to report.
                        if (_depth > 0) _depth--;
                        break;
                    case (byte)',':
                        values++;
                        break;
                }
            }
            _allowance.Take(read, values, _itemsStarted);
            _read += read;
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
