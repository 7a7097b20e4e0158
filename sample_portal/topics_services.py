"""Topics of municipal news, part 1: public services (health, schooling, documents ...)."""

from __future__ import annotations

from .topic import Topic

SERVICE_TOPICS: tuple[Topic, ...] = (
    Topic(
        "posyandu",
        ("dinkes", "dp3ap2kb", "wawalkot"),
        ("posyandu", "kesehatan", "balita"),
        (
            "{n2} Posyandu di {kec} Terima Bantuan Alat Antropometri",
            "{n2} Kader Posyandu Kelurahan {kel} Ikuti Pelatihan Pemantauan Tumbuh Kembang",
            "Posyandu Keliling Sasar {n} Balita di Kecamatan {kec}",
        ),
        (
            "Dinas Kesehatan Kota Tangerang memperkuat peran posyandu sebagai garda terdepan "
            "pelayanan kesehatan ibu dan anak di Kecamatan {kec}, {hari}.",
            "Ratusan ibu membawa balitanya ke posyandu di Kelurahan {kel}, {hari}, untuk "
            "penimbangan, pengukuran tinggi badan dan pemberian vitamin A.",
        ),
        (
            "Pada kegiatan tersebut, petugas juga memberikan makanan tambahan berupa telur, "
            "kacang hijau dan susu kepada {n} balita.",
            "{pejabat} menuturkan, saat ini terdapat lebih dari 1.000 posyandu aktif yang "
            "tersebar di seluruh kelurahan.",
            "Data hasil penimbangan, lanjutnya, langsung diinput ke aplikasi agar perkembangan "
            "setiap anak dapat dipantau puskesmas setempat.",
        ),
        (
            '"Kader posyandu adalah ujung tombak kita. Mereka yang paling tahu kondisi ibu dan '
            'anak di lingkungannya,"',
            '"Kami mengimbau para orang tua rutin datang ke posyandu setiap bulan, jangan '
            'hanya saat ada pembagian vitamin,"',
        ),
    ),
    Topic(
        "stunting",
        ("dinkes", "walikota", "dp3ap2kb"),
        ("stunting", "kesehatan", "gizi"),
        (
            "Prevalensi Stunting di {kec} Turun Jadi {pct_low} Persen",
            "Pemkot Tangerang Libatkan {n2} Mitra Swasta Tangani Stunting di {kec}",
            "Gerakan Orang Tua Asuh Stunting Diluncurkan di {kel}, {n2} Keluarga Didampingi",
        ),
        (
            "Upaya percepatan penurunan stunting di Kecamatan {kec} terus menunjukkan hasil. "
            "Data yang dipaparkan {hari} mencatat prevalensi stunting sebesar {pct_low} persen.",
            "Pemerintah Kota Tangerang meluncurkan program pendampingan keluarga berisiko "
            "stunting di Kecamatan {kec}, {hari}.",
        ),
        (
            "Program tersebut menyasar {n} keluarga berisiko stunting dengan pendampingan "
            "gizi, sanitasi dan pemeriksaan kesehatan rutin.",
            "{pejabat} menyebut, intervensi dilakukan sejak remaja putri melalui pemberian "
            "tablet tambah darah di sekolah.",
            "Anggaran yang dialokasikan untuk program ini mencapai {rp} dan bersumber dari "
            "APBD Kota Tangerang.",
        ),
        (
            '"Penanganan stunting tidak bisa dilakukan sendiri. Butuh keterlibatan semua '
            'pihak, mulai dari keluarga, kader, hingga dunia usaha,"',
            '"Target kita jelas, tidak boleh ada lagi bayi lahir stunting di Kota Tangerang,"',
        ),
    ),
    Topic(
        "pelantikan",
        ("walikota", "sekda", "bkpsdm"),
        ("pelantikan", "asn", "pemkot tangerang"),
        (
            "Wali Kota Tangerang Lantik {n2} Pejabat Administrator, Termasuk Camat {kec}",
            "Rotasi Jabatan, Lurah {kel} dan {n2} Pejabat Lainnya Dilantik",
            "{n} PPPK Formasi {tahun} Terima SK Pengangkatan",
        ),
        (
            "Pemerintah Kota Tangerang melantik dan mengambil sumpah jabatan sejumlah pejabat "
            "di Pusat Pemerintahan Kota Tangerang, {hari}.",
            "Sebanyak {n2} pejabat di lingkungan Pemkot Tangerang resmi menduduki jabatan baru "
            "usai dilantik di Ruang Al-Amanah, {hari}.",
        ),
        (
            "Pelantikan tersebut merupakan bagian dari penyegaran organisasi untuk "
            "meningkatkan kinerja perangkat daerah.",
            "{pejabat} meminta para pejabat yang baru dilantik segera beradaptasi dan "
            "menuntaskan program prioritas tahun {tahun}.",
            "Di antara pejabat yang dilantik terdapat Camat {kec} dan sejumlah lurah, di "
            "antaranya Lurah {kel}.",
        ),
        (
            '"Jabatan adalah amanah. Saya minta langsung bekerja, turun ke lapangan dan dengar '
            'keluhan masyarakat,"',
            '"Tidak ada istilah masa orientasi. Dalam tiga bulan ke depan kinerja Bapak Ibu '
            'akan kami evaluasi,"',
        ),
    ),
    Topic(
        "ppdb",
        ("dindik", "walikota"),
        ("ppdb", "pendidikan", "sekolah"),
        (
            "PPDB SD dan SMP Kota Tangerang {tahun} Dibuka, {n} Kursi Disiapkan",
            "Disdik Kota Tangerang Buka {n2} Posko Pengaduan PPDB di {kec}",
            "Kuota Jalur Zonasi PPDB SMP Negeri Kota Tangerang Capai {pct} Persen",
        ),
        (
            "Dinas Pendidikan Kota Tangerang resmi membuka pendaftaran Penerimaan Peserta "
            "Didik Baru (PPDB) tingkat SD dan SMP negeri tahun ajaran {tahun}, {hari}.",
            "Menjelang pelaksanaan PPDB, Dinas Pendidikan Kota Tangerang menggelar sosialisasi "
            "kepada orang tua calon siswa di Kecamatan {kec}, {hari}.",
        ),
        (
            "Pendaftaran dilakukan secara daring melalui laman resmi PPDB Kota Tangerang dan "
            "terbagi dalam jalur zonasi, afirmasi, perpindahan orang tua serta prestasi.",
            "{pejabat} memastikan, daya tampung SMP negeri tahun ini mencapai {n} kursi.",
            "Bagi orang tua yang kesulitan mendaftar, tersedia posko pendampingan di setiap "
            "sekolah dan kantor kecamatan.",
        ),
        (
            '"Kami pastikan PPDB berjalan transparan. Tidak ada titipan, semua diproses '
            'melalui sistem,"',
            '"Orang tua tidak perlu khawatir. Bagi yang belum diterima di sekolah negeri, ada '
            'program sekolah swasta gratis,"',
        ),
    ),
    Topic(
        "vaksinasi",
        ("dinkes", "wawalkot"),
        ("vaksinasi", "imunisasi", "kesehatan"),
        (
            "Bulan Imunisasi Anak Nasional, {n} Anak di {kec} Sudah Divaksin",
            "Vaksinasi Polio Serentak di {n2} Puskesmas, {kec} Sasar {n} Anak",
            "Cakupan Imunisasi Dasar Lengkap Kota Tangerang Capai {pct} Persen",
        ),
        (
            "Dinas Kesehatan Kota Tangerang menggelar vaksinasi serentak di seluruh puskesmas "
            "dan posyandu, {hari}.",
            "Ribuan anak di Kecamatan {kec} mengikuti kegiatan imunisasi yang digelar di "
            "sekolah dan posyandu, {hari}.",
        ),
        (
            "Sasaran vaksinasi tahap ini adalah anak usia 0 hingga 7 tahun dengan target "
            "cakupan minimal 95 persen.",
            "{pejabat} menyampaikan, vaksin yang digunakan aman dan telah mendapatkan izin "
            "edar dari BPOM.",
            "Hingga hari ini, sebanyak {n} anak telah menerima vaksin di Kecamatan {kec}.",
        ),
        (
            '"Imunisasi adalah hak anak. Kami minta orang tua tidak ragu, vaksin ini aman dan '
            'gratis,"',
            '"Petugas kami juga jemput bola ke rumah-rumah bagi anak yang belum sempat datang '
            'ke posyandu,"',
        ),
    ),
    Topic(
        "dbd",
        ("dinkes", "walikota"),
        ("demam berdarah", "fogging", "kesehatan"),
        (
            "Kasus DBD Meningkat, Dinkes Lakukan Fogging di {n2} RW Kelurahan {kel}",
            "Gerakan Satu Rumah Satu Jumantik Digalakkan di {kec}, {n} Rumah Diperiksa",
            "Waspada Demam Berdarah, {n2} Kasus Tercatat di {kec} Bulan Ini",
        ),
        (
            "Dinas Kesehatan Kota Tangerang melakukan pengasapan atau fogging di sejumlah RW "
            "di Kelurahan {kel}, Kecamatan {kec}, {hari}.",
            "Memasuki musim penghujan, Pemkot Tangerang mengingatkan warga {kec} untuk "
            "mewaspadai penyakit demam berdarah dengue (DBD), {hari}.",
        ),
        (
            "Fogging dilakukan setelah ditemukan {n2} kasus DBD dalam radius 100 meter dari "
            "rumah penderita.",
            "{pejabat} mengingatkan, fogging hanya membunuh nyamuk dewasa, sehingga gerakan 3M "
            "Plus tetap menjadi kunci pencegahan.",
            "Petugas juga membagikan bubuk abate kepada {n} rumah di sekitar lokasi.",
        ),
        (
            '"Segera bawa ke puskesmas jika anggota keluarga demam tinggi lebih dari dua hari. '
            'Jangan menunggu sampai parah,"',
            '"Menguras, menutup dan mendaur ulang barang bekas harus jadi kebiasaan setiap '
            'minggu di rumah masing-masing,"',
        ),
    ),
    Topic(
        "adminduk",
        ("disdukcapil", "walikota"),
        ("disdukcapil", "ktp elektronik", "pelayanan publik"),
        (
            "Disdukcapil Jemput Bola Rekam KTP-el {n} Pemilih Pemula di {kec}",
            "Layanan Adminduk Buka Sabtu, {n} Warga {kec} Urus Dokumen",
            "{n} Warga Manfaatkan Layanan Dokumen Kependudukan Keliling",
        ),
        (
            "Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil) Kota Tangerang menggelar "
            "layanan jemput bola perekaman KTP elektronik di Kecamatan {kec}, {hari}.",
            "Untuk mempermudah warga, layanan administrasi kependudukan di Mal Pelayanan "
            "Publik Kota Tangerang kini dibuka hingga akhir pekan, mulai {hari}.",
        ),
        (
            "Selain perekaman KTP-el, warga juga dapat mengurus kartu identitas anak, akta "
            "kelahiran dan perubahan data kartu keluarga.",
            "{pejabat} menyampaikan, sepanjang tahun ini sudah {n} dokumen kependudukan "
            "diterbitkan melalui layanan daring.",
            "Layanan tersebut menyasar pelajar SMA dan SMK yang akan berusia 17 tahun.",
        ),
        (
            '"Kami yang mendatangi warga. Cukup bawa kartu keluarga, dokumen bisa langsung '
            'dicetak hari itu juga,"',
            '"Semua layanan adminduk gratis. Jika ada yang meminta bayaran, segera laporkan '
            'kepada kami,"',
        ),
    ),
    Topic(
        "loker",
        ("disnaker", "walikota"),
        ("ketenagakerjaan", "job fair", "pelatihan kerja"),
        (
            "Job Fair Kota Tangerang Sediakan {n} Lowongan Kerja",
            "{n} Pencari Kerja Ikuti Pelatihan Berbasis Kompetensi di BLK {kec}",
            "Disnaker Kota Tangerang Catat {n} Pencari Kerja Terserap Industri",
        ),
        (
            "Dinas Ketenagakerjaan Kota Tangerang menggelar bursa kerja atau job fair yang "
            "diikuti puluhan perusahaan, {hari}.",
            "Ratusan pencari kerja mengikuti pelatihan berbasis kompetensi di Balai Latihan "
            "Kerja (BLK) Kota Tangerang di Kecamatan {kec}, {hari}.",
        ),
        (
            "Lowongan yang ditawarkan meliputi operator produksi, staf administrasi, teknisi "
            "hingga tenaga pemasaran.",
            "{pejabat} mengatakan, peserta yang lulus pelatihan akan mendapatkan sertifikat "
            "dan disalurkan ke perusahaan mitra.",
            "Sebanyak {n2} perusahaan dari kawasan industri Jatiuwung dan Cikokol ikut membuka "
            "stan dalam kegiatan tersebut.",
        ),
        (
            '"Seluruh layanan job fair gratis. Pencari kerja cukup membawa berkas lamaran dan '
            'kartu kuning,"',
            '"Kami ingin warga Kota Tangerang menjadi tuan rumah di kotanya sendiri, terserap '
            'di industri yang ada di sini,"',
        ),
    ),
    Topic(
        "bansos",
        ("dinsos", "walikota", "wawalkot"),
        ("bantuan sosial", "dinsos", "lansia"),
        (
            "{n} Lansia di {kec} Terima Bantuan Permakanan",
            "Dinsos Salurkan Bantuan untuk {n2} Korban Kebakaran di {kel}",
            "Verifikasi Ulang Data Bansos di {kec}, {n} Penerima Dicoret",
        ),
        (
            "Dinas Sosial Kota Tangerang menyalurkan bantuan kepada warga lanjut usia di "
            "Kecamatan {kec}, {hari}.",
            "Pemkot Tangerang memastikan bantuan sosial tepat sasaran dengan melakukan "
            "verifikasi data penerima di Kecamatan {kec}, {hari}.",
        ),
        (
            "Bantuan yang disalurkan berupa makanan bergizi siap santap setiap hari selama "
            "satu bulan penuh.",
            "{pejabat} menuturkan, penerima bantuan merupakan warga yang tercatat dalam Data "
            "Terpadu Kesejahteraan Sosial (DTKS).",
            "Total anggaran yang digelontorkan untuk program ini mencapai {rp}.",
        ),
        (
            '"Negara harus hadir untuk warga yang paling membutuhkan. Jangan sampai ada lansia '
            'yang terlantar,"',
            '"Jika ada warga yang layak tetapi belum terdata, silakan lapor ke kelurahan agar '
            'segera kami verifikasi,"',
        ),
    ),
)
