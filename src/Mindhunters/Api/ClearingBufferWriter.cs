using System;
using System.Buffers;

namespace Mindhunters.Api
{
    /// <summary>
    /// A growable byte buffer for a request body that holds a secret: every buffer it lets go of (when it grows, and at
    /// the end) is zeroed first, so no copy of the secret is left behind for the garbage collector to keep. What it gives
    /// out (<see cref="ToArrayAndClear"/>) is the caller's to clear after sending.
    /// </summary>
    internal sealed class ClearingBufferWriter : IBufferWriter<byte>
    {
        private byte[] _buffer = new byte[1024];
        private int _written;

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsSpan(_written);
        }

        /// <summary>The bytes written, in an array of their own; the working buffer is zeroed.</summary>
        public byte[] ToArrayAndClear()
        {
            byte[] result = _buffer.AsSpan(0, _written).ToArray();
            Array.Clear(_buffer, 0, _buffer.Length);
            _written = 0;
            return result;
        }

        private void Ensure(int sizeHint)
        {
            int needed = _written + Math.Max(sizeHint, 1);
            if (needed <= _buffer.Length) return;
            var larger = new byte[Math.Max(needed, _buffer.Length * 2)];
            Array.Copy(_buffer, larger, _written);
            Array.Clear(_buffer, 0, _buffer.Length);
            _buffer = larger;
        }
    }
}
