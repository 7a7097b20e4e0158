"""A hand-labelled set for search: short government news items and, for each query, the items
a journalist asking it wants, judged by reading them (not by running search).

The items use the forms real portals print (``pembangunan``, ``dibangun``, ``kebanjiran``,
``pelayanan``) and a few traps where a shared stem means something else: ``berjalan lancar``
and ``perjalanan dinas`` are not about roads, ``rumah sakit`` is not housing, ``pemerintah``
is not an order (``perintah``).
"""

from typing import Final

ITEMS: Final[dict[str, tuple[str, str]]] = {
    "jembatan": (
        "Pemkot Membangun Jembatan Penghubung Dua Kelurahan",
        "Jembatan sepanjang 40 meter itu dibangun dengan dana APBD dan ditargetkan selesai "
        "akhir tahun. Warga menyambut baik proyek tersebut.",
    ),
    "gedung": (
        "Gedung Baru Puskesmas Cipondoh Rampung",
        "Bangunan dua lantai itu akan melayani warga tiga kelurahan. Pengerjaan fisik "
        "berlangsung selama delapan bulan.",
    ),
    "rpjmd": (
        "Musrenbang Bahas Arah Pembangunan Lima Tahun",
        "Wali kota meminta usulan warga diprioritaskan dalam rencana pembangunan daerah, "
        "terutama di bidang infrastruktur dan pendidikan.",
    ),
    "stadion": (
        "Renovasi Stadion Benteng Dimulai Bulan Depan",
        "Renovasi meliputi tribun dan lapangan. Kontraktor sudah ditetapkan melalui lelang "
        "terbuka.",
    ),
    "banjir_ciledug": (
        "Ratusan Rumah di Ciledug Kebanjiran",
        "Hujan deras sejak sore membuat air setinggi 50 sentimeter merendam permukiman. "
        "BPBD mengerahkan perahu karet untuk mengevakuasi warga.",
    ),
    "banjir_tanggul": (
        "Tanggul Kali Angke Diperkuat Cegah Banjir",
        "Dinas PUPR memperkuat tanggul sepanjang dua kilometer agar banjir tahunan tidak terulang.",
    ),
    "genangan": (
        "Genangan Air di Jalan Raya Serpong Surut",
        "Pompa air dioperasikan sepanjang malam sehingga genangan surut menjelang pagi dan "
        "lalu lintas kembali normal.",
    ),
    "posyandu": (
        "Posyandu Balita Digelar Serentak",
        "Kegiatan kesehatan ini memeriksa tumbuh kembang anak dan memberikan imunisasi dasar.",
    ),
    "senam": (
        "Senam Bersama untuk Hidup Sehat",
        "Ribuan warga mengikuti senam di alun-alun. Wali kota mengajak masyarakat "
        "membiasakan pola hidup sehat.",
    ),
    "rs_daerah": (
        "Rumah Sakit Umum Daerah Tambah Ruang Rawat Inap",
        "Penambahan 40 tempat tidur diharapkan mengurangi antrean pasien rujukan.",
    ),
    "sekolah": (
        "Beasiswa Pendidikan untuk 500 Pelajar",
        "Pemkot menyalurkan beasiswa kepada peserta didik dari keluarga kurang mampu di "
        "seluruh kecamatan.",
    ),
    "guru": (
        "Pelatihan Guru Honorer Tingkatkan Mutu Pendidik",
        "Para pendidik mengikuti pelatihan kurikulum baru selama tiga hari.",
    ),
    "kebersihan": (
        "Lomba Kebersihan Antar-RW Dimulai",
        "Penilaian meliputi pengelolaan sampah, penghijauan dan kebersihan saluran air.",
    ),
    "kali": (
        "Petugas Membersihkan Kali dari Sampah Plastik",
        "Pembersihan dilakukan rutin setiap pekan agar aliran air tidak tersumbat.",
    ),
    "bansos": (
        "Bantuan Sosial Disalurkan kepada 12 Ribu Keluarga",
        "Penyaluran bantuan beras berlangsung di kantor kelurahan dengan pengawasan aparat.",
    ),
    "relawan": (
        "Relawan Membantu Warga Terdampak Angin Kencang",
        "Puluhan relawan bergotong royong memperbaiki atap rumah yang rusak.",
    ),
    "mpp": (
        "Mal Pelayanan Publik Buka Hingga Sabtu",
        "Warga kini dapat mengurus layanan kependudukan dan perizinan di satu tempat.",
    ),
    "dukcapil": (
        "Disdukcapil Jemput Bola Rekam KTP Elektronik",
        "Petugas melayani perekaman di sekolah-sekolah untuk pemilih pemula.",
    ),
    "aspal": (
        "Perbaikan Jalan Rusak di Karawaci Rampung",
        "Pengaspalan ulang sepanjang 1,2 kilometer selesai lebih cepat dari jadwal.",
    ),
    "trotoar": (
        "Trotoar Jalan Sudirman Dilebarkan",
        "Pelebaran trotoar memberi ruang lebih bagi pejalan kaki di pusat kota.",
    ),
    "upacara": (
        "Upacara Hari Jadi Kota Berjalan Khidmat",
        "Seluruh aparatur sipil negara mengikuti upacara di halaman pusat pemerintahan.",
    ),
    "dinas_luar": (
        "DPRD Evaluasi Anggaran Perjalanan Dinas",
        "Anggaran perjalanan dinas dipangkas untuk membiayai program prioritas.",
    ),
    "pohon": (
        "Seribu Pohon Ditanam di Bantaran Sungai",
        "Penanaman pohon melibatkan pelajar dan komunitas pecinta lingkungan.",
    ),
    "urban_farming": (
        "Warga Menanam Sayur di Lahan Sempit",
        "Program pertanian perkotaan mengajak warga memanfaatkan pekarangan rumah.",
    ),
    "rutilahu": (
        "Program Bedah Rumah Tidak Layak Huni Berlanjut",
        "Sebanyak 300 rumah warga diperbaiki tahun ini melalui dana hibah.",
    ),
    "perumahan": (
        "Pengembang Perumahan Wajib Serahkan Fasos Fasum",
        "Pemkot menagih penyerahan prasarana dari pengembang perumahan yang sudah lama beroperasi.",
    ),
    "instruksi": (
        "Wali Kota Perintahkan Camat Pantau Harga Sembako",
        "Perintah itu disampaikan dalam rapat koordinasi menjelang hari raya.",
    ),
    "pemda": (
        "Pemerintah Daerah Raih Opini WTP Kedelapan Kali",
        "Penghargaan diserahkan oleh BPK dalam acara di kantor perwakilan provinsi.",
    ),
}

# query -> the items it should find; words as a journalist types them, in their root form.
QUERIES: Final[dict[str, frozenset[str]]] = {
    "bangun": frozenset({"jembatan", "gedung", "rpjmd"}),
    "banjir": frozenset({"banjir_ciledug", "banjir_tanggul", "genangan"}),
    "sehat": frozenset({"posyandu", "senam"}),
    "didik": frozenset({"sekolah", "guru"}),
    "bersih": frozenset({"kebersihan", "kali"}),
    "bantu": frozenset({"bansos", "relawan"}),
    "layan": frozenset({"mpp", "dukcapil"}),
    "jalan": frozenset({"aspal", "trotoar", "genangan"}),
    "tanam": frozenset({"pohon", "urban_farming"}),
    "perumahan": frozenset({"perumahan", "rutilahu"}),
    "perintah": frozenset({"instruksi"}),
    "pembangunan": frozenset({"jembatan", "gedung", "rpjmd"}),
}
