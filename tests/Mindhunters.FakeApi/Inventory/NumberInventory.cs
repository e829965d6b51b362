using System;
using System.Collections.Generic;
using System.Threading;

namespace Mindhunters.FakeApi
{
    /// <summary>
    /// The numbers one scope added to the computed data set: bought ones and the numbers of its trunks. They get negative
    /// indices (-1, -2, …), list after the computed numbers and are found by uuid and by number like them. Copy on write, so
    /// the listing reads without a lock.
    /// </summary>
    internal sealed class NumberInventory
    {
        private readonly object _gate = new();
        private List<AddedNumber> _numbers = new();
        private int _lastIndex;

        public IReadOnlyList<AddedNumber> All => Volatile.Read(ref _numbers);

        /// <summary>How many numbers the scope bought: the "current" of the purchase cap.</summary>
        public int PurchasedCount
        {
            get
            {
                int count = 0;
                foreach (AddedNumber added in All)
                {
                    count += added.Source == AddedNumber.Purchased ? 1 : 0;
                }

                return count;
            }
        }

        /// <summary>Adds the number <paramref name="make"/> makes from a fresh (negative) index and uuid.</summary>
        public AddedNumber Add(Func<int, Guid, AddedNumber> make)
        {
            lock (_gate)
            {
                AddedNumber added = make(--_lastIndex, Guid.NewGuid());
                Volatile.Write(ref _numbers, new List<AddedNumber>(_numbers) { added });
                return added;
            }
        }

        public void Remove(AddedNumber number)
        {
            lock (_gate)
            {
                var copy = new List<AddedNumber>(_numbers);
                copy.RemoveAll(n => n.Number.Index == number.Number.Index);
                Volatile.Write(ref _numbers, copy);
            }
        }

        public AddedNumber? Find(Guid uuid)
        {
            foreach (AddedNumber added in All)
            {
                if (added.Number.PhoneNumberUuid == uuid)
                {
                    return added;
                }
            }

            return null;
        }

        /// <summary>The added number with these digits (a leading '+' and separators are ignored).</summary>
        public AddedNumber? FindByNumber(string number)
        {
            string digits = FakeNumbers.Digits(number);
            foreach (AddedNumber added in All)
            {
                if (FakeNumbers.Digits(added.Number.Number) == digits)
                {
                    return added;
                }
            }

            return null;
        }
    }
}
