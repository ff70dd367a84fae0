// The dashboard's words shared by many pages (buttons, states, table and form words), in English and
// Indonesian. Keys are "common.<name>"; the Indonesian table must have every English key (the type checks it).

export const en = {
  "common.save": "Save",
  "common.cancel": "Cancel",
  "common.delete": "Delete",
  "common.edit": "Edit",
  "common.create": "Create",
  "common.close": "Close",
  "common.search": "Search",
  "common.loading": "Loading…",
  "common.none": "None",
  "common.previous": "Previous",
  "common.next": "Next",
  "common.showing": "Showing {from}–{to} of {total}",
} as const;

export const id: Record<keyof typeof en, string> = {
  "common.save": "Simpan",
  "common.cancel": "Batal",
  "common.delete": "Hapus",
  "common.edit": "Ubah",
  "common.create": "Buat",
  "common.close": "Tutup",
  "common.search": "Cari",
  "common.loading": "Memuat…",
  "common.none": "Tidak ada",
  "common.previous": "Sebelumnya",
  "common.next": "Berikutnya",
  "common.showing": "Menampilkan {from}–{to} dari {total}",
};
